using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitor.Crawlers.Tests.Support;

/// <summary>A web server on 127.0.0.1 that misbehaves on purpose: throttling, failing, looping redirects, slow,
/// truncated and huge answers, wrong charsets, a robots.txt that forbids a folder, conditional GET. It records
/// when each path was requested.</summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _hits = new();

    public const string Vietnamese = "Thứ Hai, ngày 18/11/2024: Tỉnh ủy Kon Tum chỉ đạo tuyên truyền đợt cao điểm";

    private readonly SemaphoreSlim _truncatedHeadRead = new(0);

    private MisbehavingServer(WebApplication app) => _app = app;

    /// <summary>The handler for a test's HttpClient: tells the server when the client has read the head of /truncated.</summary>
    public HttpMessageHandler ClientHandler() => new HeadSignal(this);

    public string BaseUrl { get; private set; } = "";

    /// <summary>Served at /editable.html; change it to simulate an edited article.</summary>
    public string EditableBody { get; set; } = "Bản đầu tiên của bài viết.";

    public Uri Url(string path) => new(BaseUrl + path);

    public IReadOnlyList<DateTimeOffset> Hits(string path) => _hits.TryGetValue(path, out var q) ? q.ToList() : [];

    public static async Task<MisbehavingServer> StartAsync()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new MisbehavingServer(app);
        app.Use(async (c, next) =>
        {
            server._hits.GetOrAdd(c.Request.Path.Value ?? "", _ => new()).Enqueue(DateTimeOffset.UtcNow);
            await next(c);
        });
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /cam/\nAllow: /cam/duoc-phep.html\n", "text/plain"));
        app.MapGet("/cam/trang.html", () => Results.Text("<html></html>", "text/html"));
        app.MapGet("/cam/duoc-phep.html", () => Results.Text("<html>ok</html>", "text/html"));
        app.MapGet("/ok.html", () => Results.Text("<html>ok</html>", "text/html; charset=utf-8"));
        app.MapGet("/throttled", (HttpContext c) =>
        {
            if (Hits("/throttled").Count == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text("ok", "text/plain");
        });
        app.MapGet("/always-503", (HttpContext c) => Results.StatusCode(503));
        app.MapGet("/long-retry", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        });
        app.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
        app.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
        app.MapGet("/chain/{n:int}", (int n) => n >= 10 ? Results.Text("cuối", "text/plain; charset=utf-8") : Results.Redirect($"/chain/{n + 1}"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/file"));
        app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
            return Results.Text("late");
        });
        app.MapGet("/vn-1258", () => Results.Bytes(Windows1258($"<html><body><p>{Vietnamese}</p></body></html>"), "text/html; charset=windows-1258"));
        app.MapGet("/meta-1258", () => Results.Bytes(Windows1258($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>{Vietnamese}</p></body></html>"), "text/html"));
        app.MapGet("/said-utf8-is-1258", () => Results.Bytes(Windows1258($"<html><body><p>{Vietnamese}</p></body></html>"), "text/html; charset=utf-8"));
        app.MapGet("/said-latin1-is-utf8", () => Results.Bytes(Encoding.UTF8.GetBytes($"<html><body><p>{Vietnamese}</p></body></html>"), "text/html; charset=iso-8859-1"));
        app.MapGet("/truncated", async (HttpContext c) =>
        {
            c.Response.ContentLength = 10_000;
            c.Response.ContentType = "text/html";
            await c.Response.Body.WriteAsync(new byte[100]);
            await c.Response.Body.FlushAsync();
            // Drop the connection only once the client has the head of the answer (ClientHandler says so): it must see
            // a cut body, not a reset before any answer (a reset discards what the client has not read yet). The
            // deadline keeps a client that never reads from holding the server.
            await _truncatedHeadRead.WaitAsync(TimeSpan.FromSeconds(10));
            c.Abort();
        });
        app.MapGet("/huge", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 64 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        app.MapGet("/feed.xml", (HttpContext c) =>
        {
            if (c.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                return Results.StatusCode(304);
            }

            c.Response.Headers.ETag = "\"v1\"";
            return Results.Text("<rss version=\"2.0\"><channel><item><title>Tin</title><link>/ok.html</link></item></channel></rss>", "application/rss+xml");
        });
        app.MapGet("/sitemap.xml.gz", () => Results.Bytes(Gzip("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/ok.html</loc><lastmod>2024-11-18</lastmod></url></urlset>"), "application/octet-stream"));
        app.MapGet("/feed-editable.xml", () => Results.Text("<rss version=\"2.0\"><channel><item><title>Bài có sửa</title><link>/editable.html</link></item></channel></rss>", "application/rss+xml"));
        app.MapGet("/editable.html", () => Results.Text(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bài có sửa</title><meta property=\"article:published_time\" content=\"2024-11-18T08:30:00+07:00\"></head><body><article><h1>Bài có sửa</h1><div class=\"detail-content\"><p>{EditableBody} Nội dung đủ dài để trích xuất như một bài báo bình thường, có nhiều câu chữ tiếng Việt.</p><p>Đoạn thứ hai của bài viết cũng đủ dài để được coi là phần thân bài của một bài báo điện tử.</p></div></article></body></html>",
            "text/html; charset=utf-8"));
    }

    // Windows-1258 has no precomposed toned letters: the tone is a combining mark after the (precomposed) base.
    private static byte[] Windows1258(string text)
    {
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var output = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            output.Append(new string(parts.Where(p => !tones.Contains(p)).ToArray()).Normalize(NormalizationForm.FormC));
            output.Append(parts.Where(tones.Contains).ToArray());
        }

        return Encoding.GetEncoding(1258).GetBytes(output.ToString());
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _truncatedHeadRead.Dispose();
    }

    private sealed class HeadSignal(MisbehavingServer server) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath == "/truncated")
            {
                server._truncatedHeadRead.Release();
            }

            return response;
        }
    }
}
