using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Fetching;

/// <summary>SSRF: a public site (the one endpoint allowed) leads the crawler to an internal service on 127.0.0.1 by
/// every road a crawl takes — a feed item, the same address written as a decimal host, a 302, a sitemap child and a
/// robots.txt Sitemap: line. Each is refused, one warning and one "refused" event each, and the service never sees a
/// request; with the allowance the same crawl reaches it (which is what every crawl did before the guard).</summary>
public sealed class InternalAddressTests : IAsyncLifetime
{
    private const string Secret = "db_password=hunter2 nội dung của dịch vụ nội bộ không được phép lộ ra ngoài qua trình thu thập";
    private static readonly string[] SecretPaths = ["/secret", "/decimal", "/redirected", "/from-sitemap", "/from-robots"];
    private readonly TempDir _dir = new();
    private LoopbackSite _internal = null!;
    private LoopbackSite _public = null!;

    public async Task InitializeAsync()
    {
        _internal = await LoopbackSite.StartAsync((app, self) =>
        {
            foreach (var path in SecretPaths)
            {
                app.MapGet(path, () => Results.Text($"<html lang=\"vi\"><head><title>Bí mật</title></head><body><article><p>{Secret}</p><p>{Secret}</p></article></body></html>", "text/html; charset=utf-8"));
            }

            app.MapGet("/child.xml", () => Results.Text(UrlSet(self() + "/from-sitemap"), "application/xml"));
            app.MapGet("/robots-sitemap.xml", () => Results.Text(UrlSet(self() + "/from-robots"), "application/xml"));
        });
        var inside = _internal.BaseUrl;
        _public = await LoopbackSite.StartAsync((app, self) =>
        {
            app.MapGet("/robots.txt", () => Results.Text($"User-agent: *\nAllow: /\nSitemap: {inside}/robots-sitemap.xml\n", "text/plain"));
            app.MapGet("/feed.xml", () => Results.Text(
                $"<rss version=\"2.0\"><channel><item><title>a</title><link>{inside}/secret</link></item>" +
                $"<item><title>b</title><link>http://2130706433:{_internal.Port}/decimal</link></item>" +
                $"<item><title>c</title><link>{self()}/go</link></item></channel></rss>", "application/rss+xml"));
            app.MapGet("/go", () => Results.Redirect($"{inside}/redirected"));
            app.MapGet("/sitemap.xml", () => Results.Text(
                $"<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>{inside}/child.xml</loc></sitemap></sitemapindex>", "application/xml"));
        });
    }

    private static string UrlSet(string url) =>
        $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>{url}</loc></url></urlset>";

    public async Task DisposeAsync()
    {
        await _public.DisposeAsync();
        await _internal.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<(CrawlOutcome Outcome, CollectingPublisher Published, SourceHealthLine Health)> CrawlAsync(bool allowPrivateNetworks)
    {
        var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1, Timeout = TimeSpan.FromSeconds(10), AllowPrivateNetworks = allowPrivateNetworks };
        options.AllowedPrivateEndpoints.Add($"127.0.0.1:{_public.Port}");
        var db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        var state = new CrawlState(db, TimeProvider.System);
        var publisher = new CollectingPublisher();
        using var http = HttpFetcher.CreateClient(options);
        var crawler = new SourceCrawler(new HttpFetcher(http, options, state, TimeProvider.System), state, new NearDuplicates(db, TimeProvider.System), publisher,
            TimeProvider.System, NullLogger<SourceCrawler>.Instance);
        var source = new SourceDefinition { Name = "ngoai", Outlet = "Báo ngoài", Homepage = _public.BaseUrl + "/", Feeds = [_public.BaseUrl + "/feed.xml"], Sitemaps = [_public.BaseUrl + "/sitemap.xml"] };
        var outcome = await crawler.CrawlAsync(source, CancellationToken.None);
        var health = (await new SourceHealthReport(db, TimeProvider.System).ComputeAsync(["ngoai"], CancellationToken.None)).Single();
        return (outcome, publisher, health);
    }

    [Fact]
    public async Task Feed_items_a_decimal_host_a_redirect_a_sitemap_child_and_a_robots_sitemap_line_to_127_0_0_1_are_refused()
    {
        var (outcome, published, health) = await CrawlAsync(allowPrivateNetworks: false);

        Assert.Equal(0, _internal.Requests);
        Assert.Empty(published.Articles);
        Assert.Equal(5, outcome.Errors.Count);
        Assert.All(outcome.Errors, e => Assert.Contains("mạng nội bộ", e, StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("/decimal", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("/go", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("/child.xml", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("/robots-sitemap.xml", StringComparison.Ordinal));
        Assert.Equal(5, health.ErrorsByKind["refused"]);
    }

    [Fact]
    public async Task With_the_allowance_the_same_crawl_reaches_the_internal_service()
    {
        var (outcome, published, _) = await CrawlAsync(allowPrivateNetworks: true);

        Assert.True(_internal.Requests >= 5, string.Join(" | ", outcome.Errors));
        Assert.Contains(published.Articles, a => a.Text.Contains("db_password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("2001:db8::1")]
    public void Internal_addresses_and_their_IPv6_forms_are_refused(string address)
    {
        Assert.True(AddressGuard.IsInternal(IPAddress.Parse(address)));
        Assert.False(new AddressGuard(false).Allows(new IPEndPoint(IPAddress.Parse(address), 80)));
        Assert.True(new AddressGuard(true).Allows(new IPEndPoint(IPAddress.Parse(address), 80)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.113.131.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2404:6800:4005:80b::200e")]
    [InlineData("2002:0808:0808::1")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(AddressGuard.IsInternal(IPAddress.Parse(address)));
}
