using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Discovery;

/// <summary>Sources that misbehave on purpose: each failure stays that source's error, in one short line.</summary>
public sealed class HostileSourceTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private LoopbackSite _site = null!;
    private static readonly string UnclosedItems = "<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Repeat("<item><title>Tin chưa đóng thẻ", 220_000));

    public async Task InitializeAsync() =>
        _site = await LoopbackSite.StartAsync((app, self) =>
        {
            app.MapGet("/unclosed.xml", () => Results.Text(UnclosedItems, "application/rss+xml"));
            app.MapGet("/long-link.xml", () => Results.Text($"<rss version=\"2.0\"><channel><item><title>a</title><link>{self()}/{new string('x', 600_000)}.html</link></item></channel></rss>", "application/rss+xml"));
            app.MapGet("/listing.html", () => Results.Text($"<html><body><a href=\"/{new string('a', 40)}!\">bài</a></body></html>", "text/html"));
            app.MapGet("/ok.xml", () => Results.Text("<rss version=\"2.0\"><channel></channel></rss>", "application/rss+xml"));
        });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<SourceCrawler> CrawlerAsync()
    {
        var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1, AllowPrivateNetworks = true };
        var db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        var state = new CrawlState(db, TimeProvider.System);
        return new SourceCrawler(new HttpFetcher(HttpFetcher.CreateClient(options), options, state, TimeProvider.System), state, new NearDuplicates(db, TimeProvider.System),
            new CollectingPublisher(), TimeProvider.System, NullLogger<SourceCrawler>.Instance);
    }

    [Fact]
    public async Task A_7_MB_feed_of_unclosed_items_is_one_short_format_error_not_a_hang()
    {
        Assert.True(Encoding.UTF8.GetByteCount(UnclosedItems) > 7_500_000);
        var crawler = await CrawlerAsync();

        var outcome = await crawler.CrawlAsync(new SourceDefinition { Name = "mo", Outlet = "Báo mở", Feeds = [_site.BaseUrl + "/unclosed.xml"] }, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("lồng nhau quá 64 cấp", error, StringComparison.Ordinal);
        Assert.True(error.Length <= ErrorText.MaxLength + 40, $"{error.Length} ký tự");
    }

    [Fact]
    public async Task A_600_KB_link_gives_an_error_line_cut_to_a_readable_length()
    {
        var crawler = await CrawlerAsync();

        var outcome = await crawler.CrawlAsync(new SourceDefinition { Name = "dai", Outlet = "Báo dài", Feeds = [_site.BaseUrl + "/long-link.xml"] }, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.True(error.Length <= ErrorText.MaxLength + 40, $"{error.Length} ký tự");
        Assert.Contains("cắt bớt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_pattern_that_times_out_is_that_sources_error_and_the_next_source_is_crawled()
    {
        var crawler = await CrawlerAsync();
        var evil = new SourceDefinition
        {
            Name = "mau", Outlet = "Báo mẫu xấu",
            Listings = [new ListingDefinition { Url = _site.BaseUrl + "/listing.html", Pattern = "^http://[^/]+/(a+)+$" }],
        };

        var first = await crawler.CrawlAsync(evil, CancellationToken.None);
        var second = await crawler.CrawlAsync(new SourceDefinition { Name = "tot", Outlet = "Báo tốt", Feeds = [_site.BaseUrl + "/ok.xml"] }, CancellationToken.None);

        Assert.Contains("pattern", Assert.Single(first.Errors), StringComparison.Ordinal);
        Assert.Empty(second.Errors);
    }
}
