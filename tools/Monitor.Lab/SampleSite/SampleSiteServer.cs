using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Crawlers.Sources;

namespace Monitor.Lab.SampleSite;

/// <summary>Serves the sample press site on 127.0.0.1 (a free port): feeds, article pages, and per outlet a robots.txt
/// naming a sitemap index, a gzipped news sitemap and paged listings (<see cref="SampleSiteDiscovery"/>); plus three
/// broken sources on purpose:
/// a feed that answers 404, a feed that is not well-formed XML, and a feed whose pages hang.
/// Each outlet has its own stable host name under <see cref="Domain"/> ("http://baokontum.monitor.test"), which
/// <see cref="CreateHandler"/> resolves to the server, so article URLs and ids stay the same from run to run
/// whatever port the server got.</summary>
public sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleSiteServer(WebApplication app, SampleSiteContent content, string baseUrl)
    {
        _app = app;
        Content = content;
        BaseUrl = baseUrl;
    }

    /// <summary>Reserved for testing (RFC 2606): never a real site.</summary>
    public const string Domain = "monitor.test";

    public SampleSiteContent Content { get; }

    /// <summary>"http://127.0.0.1:PORT".</summary>
    public string BaseUrl { get; }

    public static async Task<SampleSiteServer> StartAsync(CancellationToken ct, int port = 0)
    {
        var content = SampleSiteContent.Load();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var outlets = content.Outlets.ToDictionary(o => o.Slug);
        string Base(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}";

        foreach (var outlet in content.Outlets)
        {
            var articles = content.Articles.Where(a => a.Outlet == outlet.Slug).ToList();
            app.MapGet(SampleSiteRenderer.FeedPath(outlet), (HttpContext c) =>
                Results.Text(SampleSiteRenderer.Feed(outlet, articles, Base(c)), outlet.Style == "opengraph" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8"));
            foreach (var article in articles)
            {
                app.MapGet(SampleSiteRenderer.ArticlePath(article), (HttpContext c) =>
                    Results.Text(SampleSiteRenderer.Page(outlets[article.Outlet], article, Base(c)), "text/html; charset=utf-8"));
            }
        }

        SampleSiteDiscovery.Map(app, content);
        app.MapGet("/loi-xml/rss.xml", () => Results.Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bản tin</title><item><title>Tin <b>đậm</title><link>", "application/rss+xml"));
        app.MapGet("/cham/rss.xml", (HttpContext c) => Results.Text(
            $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Trang chậm</title><item><title>Bài không tải được</title><link>{Base(c)}/cham/bai-treo.html</link></item></channel></rss>",
            "application/rss+xml"));
        app.MapGet("/cham/bai-treo.html", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2), c.RequestAborted);
            return Results.Text("<html></html>", "text/html");
        });
        app.MapGet("/", () => Results.Text("Trang báo mẫu của Monitor: " + string.Join(", ", content.Outlets.Select(o => o.Name)), "text/plain; charset=utf-8"));

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleSiteServer(app, content, address.TrimEnd('/'));
    }

    /// <summary>The sources file entries for this server: the four outlets, then the three broken sources.</summary>
    public IReadOnlyList<SourceDefinition> Sources()
    {
        var sources = Content.Outlets.Select(o => new SourceDefinition
        {
            Name = o.Slug, Outlet = o.Name, Kind = o.Kind, Homepage = $"{HostOf(o.Slug)}/{o.Slug}/", Feeds = [HostOf(o.Slug) + SampleSiteRenderer.FeedPath(o)],
            Schedule = "0 0/5 * * * ?",
        }).ToList();
        sources.Add(new SourceDefinition { Name = "hong", Outlet = "Trang mẫu hỏng (404)", Feeds = [$"{HostOf("hong")}/hong/rss.xml"], Schedule = "0 0/5 * * * ?" });
        sources.Add(new SourceDefinition { Name = "loi-xml", Outlet = "Trang mẫu lỗi XML", Feeds = [$"{HostOf("loi-xml")}/loi-xml/rss.xml"], Schedule = "0 0/5 * * * ?" });
        sources.Add(new SourceDefinition { Name = "cham", Outlet = "Trang mẫu treo", Feeds = [$"{HostOf("cham")}/cham/rss.xml"], Schedule = "0 0/5 * * * ?" });
        return sources;
    }

    /// <summary>The stable URL of an article of the sample site.</summary>
    public static string UrlOf(SampleArticle article) => HostOf(article.Outlet) + SampleSiteRenderer.ArticlePath(article);

    /// <summary>"http://baokontum.monitor.test".</summary>
    public static string HostOf(string slug) => $"http://{slug}.{Domain}";

    /// <summary>An HTTP handler that connects every host under <see cref="Domain"/> to this server (like curl's
    /// --resolve) and everything else as usual.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var port = new Uri(BaseUrl).Port;
        return new SocketsHttpHandler
        {
            // The fetcher follows redirects itself, to bound them and check each hop.
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var target = context.DnsEndPoint.Host.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase)
                    ? new System.Net.DnsEndPoint("127.0.0.1", port)
                    : context.DnsEndPoint;
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
