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
            app.MapGet("/deep.xml", () => Results.Text($"<rss version=\"2.0\"><channel><item><title>sâu</title><link>{self()}/deep.html</link></item>"
                + $"<item><title>thường</title><link>{self()}/plain.html</link></item></channel></rss>", "application/rss+xml"));
            app.MapGet("/deep.html", () => Results.Text("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>" + Prose + "</p></body></html>", "text/html; charset=utf-8"));
            app.MapGet("/plain.html", () => Results.Text($"<html lang=\"vi\"><head><title>Bài thường</title></head><body><article><p>{Prose}</p></article></body></html>", "text/html; charset=utf-8"));
            app.MapGet("/many.xml", () => Results.Text("<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Range(1, 7).Select(i => $"<item><title>Bài {i}</title><link>{self()}/bai-{i}.html</link></item>"))
                + "</channel></rss>", "application/rss+xml"));
            app.MapGet("/few.xml", () => Results.Text("<rss version=\"2.0\"><channel></channel></rss>", "application/rss+xml"));
            app.MapGet("/bai-{n:int}.html", (int n) => Results.Text($"<html lang=\"vi\"><head><title>Bài số {n}</title></head><body><article><p>{Prose} Số {n}.</p></article></body></html>", "text/html; charset=utf-8"));
        });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _dir.Dispose();
    }

    private const string Prose = "Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.";

    private async Task<SourceCrawler> CrawlerAsync(Action<FetchOptions>? change = null)
    {
        var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1, AllowPrivateNetworks = true };
        change?.Invoke(options);
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

    [Fact]
    public async Task A_page_nested_100000_deep_is_that_pages_extraction_error_and_the_crawl_goes_on()
    {
        var crawler = await CrawlerAsync();

        var outcome = await crawler.CrawlAsync(new SourceDefinition { Name = "sau", Outlet = "Báo sâu", Feeds = [_site.BaseUrl + "/deep.xml"] }, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("/deep.html: trang lồng quá 1000 tầng", error, StringComparison.Ordinal);
        Assert.Equal(1, outcome.Published);
        var kinds = await EventKindsAsync("sau");
        Assert.Contains("extraction-limit", kinds);
        Assert.DoesNotContain("extraction-empty", kinds);
    }

    [Fact]
    public async Task A_run_fetches_at_most_its_page_budget_and_the_rest_waits_in_the_frontier_for_the_next_run()
    {
        var crawler = await CrawlerAsync(o => o.MaxPagesPerRun = 3);
        var source = new SourceDefinition { Name = "nhieu", Outlet = "Báo nhiều bài", Feeds = [_site.BaseUrl + "/many.xml"] };

        var first = await crawler.CrawlAsync(source, CancellationToken.None);
        // The feed no longer lists them: what is left is read from the frontier.
        var later = new SourceDefinition { Name = "nhieu", Outlet = "Báo nhiều bài", Feeds = [_site.BaseUrl + "/few.xml"] };
        var second = await crawler.CrawlAsync(later, CancellationToken.None);
        var third = await crawler.CrawlAsync(later, CancellationToken.None);
        var fourth = await crawler.CrawlAsync(later, CancellationToken.None);

        Assert.Equal([3, 3, 1, 0], new[] { first.Published, second.Published, third.Published, fourth.Published });
        Assert.Empty(first.Errors.Concat(second.Errors).Concat(third.Errors));
    }

    [Fact]
    public async Task A_source_may_set_its_own_page_budget_and_a_back_fill_has_none()
    {
        var crawler = await CrawlerAsync(o => o.MaxPagesPerRun = 3);
        var source = new SourceDefinition
        {
            Name = "rieng", Outlet = "Báo riêng", Feeds = [_site.BaseUrl + "/many.xml"], Politeness = new PolitenessOverrides { MaxPagesPerRun = 5 },
        };

        var run = await crawler.CrawlAsync(source, CancellationToken.None);
        var backfill = await crawler.BackfillAsync(source, DateTimeOffset.UnixEpoch, null, CancellationToken.None);

        Assert.Equal(5, run.Published);
        Assert.Equal(2, backfill.Published);
    }

    private async Task<List<string>> EventKindsAsync(string source)
    {
        var db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind FROM crawl_events WHERE source = $s ORDER BY id";
        command.Parameters.AddWithValue("$s", source);
        await using var reader = await command.ExecuteReaderAsync();
        var kinds = new List<string>();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }
}
