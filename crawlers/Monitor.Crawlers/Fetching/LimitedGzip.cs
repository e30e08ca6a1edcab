using System.IO.Compression;

namespace Monitor.Crawlers.Fetching;

/// <summary>Unpacks gzip with a bound on what comes out, so that a small file that expands to gigabytes (a gzip bomb)
/// costs at most the bound: the fetcher's pages and sitemaps, and saved pages given to <c>monitor extract</c>.</summary>
public static class LimitedGzip
{
    /// <summary>The bytes, unpacked when they start with the gzip magic number.</summary>
    /// <exception cref="TooLargeException">more than <paramref name="maxBytes"/> come out.</exception>
    /// <exception cref="InvalidDataException">the gzip is corrupt.</exception>
    public static byte[] Unpack(byte[] bytes, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes is not [0x1F, 0x8B, ..])
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        return ReadAtMost(gzip, maxBytes);
    }

    /// <summary>The whole stream, or <see cref="TooLargeException"/> once more than <paramref name="maxBytes"/> arrived.</summary>
    public static byte[] ReadAtMost(Stream stream, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new TooLargeException(maxBytes);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>Content over a size limit.</summary>
public sealed class TooLargeException(long limit) : Exception($"nội dung vượt giới hạn {limit:N0} byte")
{
    public long Limit { get; } = limit;
}
