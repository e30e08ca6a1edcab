using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Host.Tagging;

/// <summary>monitor tag over a file or stdin: JSON Lines in, one JSON line out per article line, in input order,
/// tagged on every core. The reader cuts the input into chunks of whole lines (bytes, never decoded to strings
/// first; a chunk goes as soon as the input pauses, so a pipe fed line by line is answered line by line); each chunk is read, tagged and written to UTF-8 on the thread pool; the writer takes the chunks'
/// results in the order they were read. At most two chunks per core are in flight, so memory stays flat however
/// long the input is.</summary>
internal static class TagStream
{
    private const int ChunkBytes = 512 * 1024;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ArticleJson.Options.Encoder };

    /// <summary>Returns the number of lines that were not articles (each reported on <paramref name="errors"/>).</summary>
    /// <param name="review">An optional asynchronous stage after <paramref name="tag"/> (the language model's second opinion).</param>
    public static async Task<int> RunAsync(Stream input, string inputName, Stream output, TextWriter errors, Func<Article, TagResult> tag, int workers, CancellationToken ct,
        Func<Article, TagResult, CancellationToken, ValueTask<TagResult>>? review = null)
    {
        var pending = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(Math.Max(1, workers) * 2) { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(input, pending.Writer, tag, review, ct);
        var bad = 0;
        await foreach (var batch in pending.Reader.ReadAllAsync(ct))
        {
            var done = await batch;
            await output.WriteAsync(done.Output.Written, ct);
            done.Output.Return();
            ArrayPool<byte>.Shared.Return(done.Input);
            foreach (var line in done.Errors)
            {
                bad++;
                await errors.WriteLineAsync($"lỗi: {inputName}:{line}: dòng không phải một bài viết JSON hợp lệ (JSON sai, thiếu id hoặc thiếu cả tiêu đề lẫn nội dung), bỏ qua");
            }
        }

        await reading;
        await output.FlushAsync(ct);
        return bad;
    }

    /// <summary>Opens the input of monitor tag (stdin for "-").</summary>
    public static Stream Open(string path) =>
        path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static async Task ReadAsync(Stream input, ChannelWriter<Task<Batch>> pending, Func<Article, TagResult> tag,
        Func<Article, TagResult, CancellationToken, ValueTask<TagResult>>? review, CancellationToken ct)
    {
        try
        {
            // Chunk buffers come from the pool and go back once their batch is written: a new 512 KiB array per
            // chunk lands on the large object heap and brings full collections with it.
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            var filled = 0;
            var line = 1;
            var first = true;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var longer = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);   // one line longer than a chunk
                    buffer.AsSpan(0, filled).CopyTo(longer);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = longer;
                }

                // A file fills the chunk in one read; a pipe gives what its writer has written so far.
                var read = await input.ReadAsync(buffer.AsMemory(filled), ct);
                filled += read;
                var end = read == 0;

                var cut = end ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (cut > 0)
                {
                    var skip = first && buffer.AsSpan(0, cut).StartsWith("\uFEFF"u8) ? 3 : 0;   // a UTF-8 byte order mark
                    first = false;
                    var (chunk, from, length, start) = (buffer, skip, cut - skip, line);
                    line += buffer.AsSpan(0, cut).Count((byte)'\n');
                    var rest = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, (filled - cut) * 2));
                    buffer.AsSpan(cut, filled - cut).CopyTo(rest);
                    (buffer, filled) = (rest, filled - cut);
                    await pending.WriteAsync(review is null
                        ? Task.Run(() => Process(chunk, from, length, start, tag), ct)
                        : Task.Run(() => ReviewAsync(chunk, from, length, start, tag, review, ct), ct), ct);
                }

                if (end)
                {
                    break;
                }
            }

            ArrayPool<byte>.Shared.Return(buffer);

            pending.Complete();
        }
        catch (Exception e)
        {
            pending.Complete(e);
            throw;
        }
    }

    /// <summary>A chunk with the asynchronous stage: tagged first (the same lines and errors as without it), each
    /// result then reviewed, the output written from the reviewed results.</summary>
    private static async Task<Batch> ReviewAsync(byte[] chunk, int from, int length, int firstLine, Func<Article, TagResult> tag,
        Func<Article, TagResult, CancellationToken, ValueTask<TagResult>> review, CancellationToken ct)
    {
        var tagged = new List<(Article Article, TagResult Result)>();
        var batch = Process(chunk, from, length, firstLine, a =>
        {
            var result = tag(a);
            tagged.Add((a, result));
            return result;
        }, write: false);
        var buffer = new PooledBuffer(length / 4);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        foreach (var (article, result) in tagged)
        {
            WriteLine(writer, buffer, await review(article, result, ct));
        }

        batch.Output.Return();
        return batch with { Output = buffer };
    }

    /// <summary>Reads, tags and writes the lines of chunk[from..from+length]; the batch owns the pooled chunk.</summary>
    private static Batch Process(byte[] chunk, int from, int length, int firstLine, Func<Article, TagResult> tag, bool write = true)
    {
        var buffer = new PooledBuffer(write ? length / 4 : 0);
        var errors = new List<int>();
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        var rest = chunk.AsSpan(from, length);
        for (var number = firstLine; rest.Length > 0; number++)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = (newline < 0 ? rest : rest[..newline]).TrimEnd("\r"u8);
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            Article article;
            try
            {
                // The output carries no content hash, so none is derived for it.
                article = ArticleLine.Read(line, deriveContentHash: false);
            }
            catch (FormatException)
            {
                errors.Add(number);
                continue;
            }

            var result = tag(article);
            if (write)
            {
                WriteLine(writer, buffer, result);
            }
        }

        return new Batch(buffer, errors, chunk);
    }

    /// <summary>One output line, the tag result contract without the outlet: {"id", "themes": [{"code", "score",
    /// "evidence": [{"text", "start", "end", "field"}], "grade", "relevance"}], "references"}, nulls left out, the same
    /// bytes as the serializer writes with <see cref="ArticleJson.Options"/> (<c>TagStreamTests</c> compares them). Written
    /// by hand: the serializer's reflection-built converters were compiled twice per run (quickly, then optimised) for
    /// a few milliseconds of use each.</summary>
    internal static void WriteLine(Utf8JsonWriter writer, PooledBuffer buffer, TagResult result)
    {
        writer.WriteStartObject();
        String(writer, "id"u8, result.ArticleId);
        if (result.Themes is { } themes)
        {
            writer.WriteStartArray("themes"u8);
            foreach (var theme in themes)
            {
                writer.WriteStartObject();
                String(writer, "code"u8, theme.Code);
                writer.WriteNumber("score"u8, theme.Score);
                if (theme.Evidence is { } evidence)
                {
                    writer.WriteStartArray("evidence"u8);
                    foreach (var e in evidence)
                    {
                        writer.WriteStartObject();
                        String(writer, "text"u8, e.Text);
                        writer.WriteNumber("start"u8, e.Start);
                        writer.WriteNumber("end"u8, e.End);
                        String(writer, "field"u8, e.Field);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                String(writer, "grade"u8, theme.Grade);
                if (theme.Relevance is { } relevance)
                {
                    writer.WriteNumber("relevance"u8, relevance);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (result.References is { } references)
        {
            writer.WriteStartArray("references"u8);
            foreach (var reference in references)
            {
                writer.WriteStringValue(reference);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
        buffer.Write(NewLine);
        writer.Reset(buffer);
    }

    private static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A chunk's output and bad lines; <paramref name="Input"/> is the pooled chunk, returned once written, as
    /// is the output's buffer.</summary>
    private sealed record Batch(PooledBuffer Output, List<int> Errors, byte[] Input);
}
