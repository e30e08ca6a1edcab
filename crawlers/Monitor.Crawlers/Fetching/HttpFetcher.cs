using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Crawlers.Fetching;

/// <summary>Limits every fetch obeys.</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>How long one request may take, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest body read; a larger page is refused rather than truncated silently.</summary>
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    public string UserAgent { get; set; } = "MonitorBot/1.0 (+theo doi bao chi; lien he: quan tri he thong)";
}

/// <summary>A fetched document, decoded.</summary>
public sealed record FetchedDocument(Uri Url, Uri FinalUrl, string Content, string? ContentType);

/// <summary>A fetch that failed; the message is one line a user can act on.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Fetches pages and feeds over HTTP(S) with a time limit, a size limit and charset detection
/// (header, then BOM, then meta; windows-1258 and other legacy code pages included).</summary>
public sealed partial class HttpFetcher(HttpClient http, FetchOptions options)
{
    static HttpFetcher() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<FetchedDocument> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException($"{url}: chỉ tải địa chỉ http và https");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException($"{url}: máy chủ trả lời HTTP {(int)response.StatusCode} ({response.ReasonPhrase})");
            }

            if (response.Content.Headers.ContentLength > options.MaxBytes)
            {
                throw new FetchException($"{url}: {response.Content.Headers.ContentLength} byte, vượt giới hạn {options.MaxBytes} byte");
            }

            var bytes = await ReadLimitedAsync(response.Content, url, timeout.Token);
            var charset = response.Content.Headers.ContentType?.CharSet;
            return new FetchedDocument(url, response.RequestMessage?.RequestUri ?? url, Decode(bytes, charset), response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"{url}: không nhận đủ trả lời trong {options.Timeout.TotalSeconds:0.#} giây");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"{url}: không kết nối được ({e.Message})", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, Uri url, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw new FetchException($"{url}: nội dung vượt giới hạn {options.MaxBytes} byte");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a page: charset from the header, else the BOM, else the page's meta, else UTF-8; NFC out.</summary>
    public static string Decode(byte[] bytes, string? headerCharset)
    {
        var encoding = EncodingOf(headerCharset) ?? Bom(bytes) ?? EncodingOf(SniffMeta(bytes)) ?? Encoding.UTF8;
        var text = encoding.GetString(bytes);
        return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text).Normalize(NormalizationForm.FormC);
    }

    private static Encoding? EncodingOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim('"', '\'', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? Bom(byte[] b) =>
        b is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8 : b is [0xFF, 0xFE, ..] ? Encoding.Unicode : b is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode : null;

    private static string? SniffMeta(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
}
