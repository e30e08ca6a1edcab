using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Tests.Coverage;

/// <summary>Source health as the dashboard and the gap report read it: which sources need attention, and which state an
/// outlet missing from a gap is in (paused, failing, failing extraction, silent), so a broken feed is not read as silence
/// of the press.</summary>
public sealed class SourceHealthBesideGapsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2024, 11, 24);

    [Fact]
    public async Task A_source_on_a_paused_host_needs_attention_and_a_working_one_does_not()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        var crawl = new CrawlState(store.Db, TimeProvider.System);
        await crawl.RecordEventAsync("b-rss", "http-5xx", "http://b.vn/rss: HTTP 503", Ct);
        await crawl.RecordHostFailureAsync("b.vn", "http://b.vn/rss: HTTP 503", 1, TimeSpan.FromHours(6), Ct);

        var lines = (await new SourceHealthReport(store.Db, TimeProvider.System).ComputeAsync([], Ct)).ToDictionary(l => l.Source);

        Assert.Equal((A, false), (lines["a-rss"].Outlet, lines["a-rss"].NeedsAttention));
        Assert.Empty(lines["a-rss"].PausedHosts);
        var b = lines["b-rss"];
        Assert.Equal(B, b.Outlet);
        Assert.Equal("b.vn", Assert.Single(b.PausedHosts).Host);
        Assert.True(b.NeedsAttention);
        Assert.Contains(SourceProblem.HostPaused, b.Problems);
        Assert.Contains(SourceProblem.Failing, b.Problems);
        Assert.Equal("http://b.vn/rss: HTTP 404", b.LastError);
    }

    [Fact]
    public async Task A_host_is_tied_to_the_source_that_fetched_articles_on_it()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        var crawl = new CrawlState(store.Db, TimeProvider.System);
        // Both sources fetched their articles on x.vn (the fixture's frontier): a pause of x.vn stops both.
        await crawl.PauseHostAsync("x.vn", TimeProvider.System.GetUtcNow().AddHours(1), "HTTP 429", Ct);
        await crawl.PauseHostAsync("khac.vn", TimeProvider.System.GetUtcNow().AddHours(1), "HTTP 429", Ct);

        var lines = await new SourceHealthReport(store.Db, TimeProvider.System).ComputeAsync([], Ct);

        Assert.All(lines, l => Assert.Equal(["x.vn"], l.PausedHosts.Select(p => p.Host)));
    }

    [Fact]
    public async Task An_outlet_whose_source_is_paused_stands_paused_beside_the_gap_with_a_note_that_the_gap_may_be_the_feed()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var crawl = new CrawlState(store.Db, TimeProvider.System);
        await crawl.RecordEventAsync("b-rss", "http-5xx", "http://b.vn/rss: HTTP 503", Ct);
        await crawl.RecordHostFailureAsync("b.vn", "http://b.vn/rss: HTTP 503", 1, TimeSpan.FromHours(6), Ct);

        var gaps = (await new SqliteCoverageStore(store.Db, TimeProvider.System).GapsAsync(plan, AsOf, Ct)).Themes.ToDictionary(t => t.Code);

        var b = Assert.Single(gaps["1.2"].Health);
        Assert.Equal((B, SourceState.Paused, "b.vn"), (b.Outlet, b.State, b.Paused?.Host));
        Assert.Equal((GapKind.SingleOutlet, true), (gaps["1.2"].Kind, gaps["1.2"].SourceMayExplain));
        Assert.Equal((GapKind.Uncovered, true), (gaps["2.5"].Kind, gaps["2.5"].SourceMayExplain));
    }

    [Fact]
    public async Task An_outlet_whose_pages_yield_no_article_is_failing_extraction_even_before_it_fetched_one()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var crawl = new CrawlState(store.Db, TimeProvider.System);
        // B's only source now is a new one whose every page comes out empty; the crawler records its outlet at the start of a run.
        await crawl.RecordSuccessAsync("b-rss", 0, Ct);
        await crawl.RecordOutletAsync("b-web", B, Ct);
        for (var i = 0; i < 3; i++)
        {
            await crawl.RecordEventAsync("b-web", "extraction-empty", $"https://b.vn/bai-{i}: không tìm thấy nội dung bài", Ct);
        }

        await crawl.RecordSuccessAsync("b-web", 0, Ct);

        var gap = (await new SqliteCoverageStore(store.Db, TimeProvider.System).GapsAsync(plan, AsOf, Ct)).Themes.Single(t => t.Code == "1.2");

        var b = Assert.Single(gap.Health);
        Assert.Equal((SourceState.ExtractionFailing, 2), (b.State, b.Sources.Count));
        Assert.True(gap.SourceMayExplain);
    }

    [Fact]
    public async Task A_gap_whose_missing_outlet_has_working_sources_carries_no_source_note()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        // B's feed recovered, and B's last article (20 November) is recent as of the 22nd.
        await new CrawlState(store.Db, TimeProvider.System).RecordSuccessAsync("b-rss", 0, Ct);

        var gap = (await new SqliteCoverageStore(store.Db, TimeProvider.System).GapsAsync(plan, new DateOnly(2024, 11, 22), Ct)).Themes.Single(t => t.Code == "1.2");

        Assert.Equal(GapKind.SingleOutlet, gap.Kind);
        Assert.Equal(SourceState.Ok, Assert.Single(gap.Health).State);
        Assert.False(gap.SourceMayExplain);
    }
}
