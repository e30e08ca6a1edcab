using Monitor.Storage.Coverage;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Contract;

/// <summary>The coverage answers of the store contract, for the fixture's articles: every store gives these.</summary>
public abstract class CoverageAnalyticsTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ICoverageBackend _backend;

    protected CoverageAnalyticsTests(ICoverageBackend backend) => _backend = backend;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [ContractFact]
    public async Task Weekly_coverage_counts_vietnamese_days_inside_each_window_only()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        var report = await (await _backend.OpenAsync(store.Db)).CoverageAsync(plan, new CoverageQuery(), Ct);

        // a1 is before the windows, a7 after; a4 is 17 November in UTC but Monday 18 (W47) in Vietnam.
        Assert.Equal(
            [new("1.2", A, "2024-W46", 2), new("1.2", A, "2024-W47", 1), new("1.3", A, "2024-W46", 1), new("1.3", B, "2024-W47", 1), new CoverageCell("1.3", B, "2024-W49", 1)],
            report.Cells);
        Assert.Equal(["2.5", "3.1"], report.Uncovered.Select(t => t.Code));
    }

    [ContractFact]
    public async Task Monthly_and_whole_window_coverage_add_up_the_same_articles()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);

        var months = await coverage.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Month), Ct);
        var window = await coverage.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Window), Ct);

        Assert.Equal([new("1.2", A, "2024-11", 3), new("1.3", A, "2024-11", 1), new("1.3", B, "2024-11", 1), new CoverageCell("1.3", B, "2024-12", 1)], months.Cells);
        Assert.Equal([new("1.2", A, "window", 3), new("1.3", A, "window", 1), new CoverageCell("1.3", B, "window", 2)], window.Cells);
    }

    [ContractFact]
    public async Task A_from_to_range_narrows_every_window()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        var report = await (await _backend.OpenAsync(store.Db)).CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, new(2024, 11, 18), new(2024, 11, 30)), Ct);

        Assert.Equal([new("1.2", A, "2024-W47", 1), new CoverageCell("1.3", B, "2024-W47", 1)], report.Cells);
    }

    [ContractFact]
    public async Task A_weekly_quota_requires_its_count_for_every_week_started_and_is_behind_when_an_ended_week_fell_short()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);

        var sunday = (await coverage.QuotasAsync(plan, new DateOnly(2024, 11, 24), QuotaDetail.Articles, Ct))[0];
        var wednesday = (await coverage.QuotasAsync(plan, new DateOnly(2024, 11, 20), QuotaDetail.Counts, Ct))[0];

        // Weeks 46 and 47 are both over on Sunday 24: 2 × 2 required, a2 a3 a4 delivered (a2 once, though it has two themes).
        Assert.Equal((2, 2, 4, 3, 1), (sunday.PeriodsElapsed, sunday.PeriodsCompleted, sunday.Required, sunday.Delivered, sunday.Remaining));
        Assert.Equal(QuotaProgress.Behind, sunday.Progress);
        Assert.Equal(["a2", "a3", "a4"], sunday.ArticleIds!.Select(id => CoverageFixture.Articles.Single(a => Id(a.Name) == id).Name).Order(StringComparer.Ordinal));
        // On Wednesday week 47 is still running: only week 46's two articles were due.
        Assert.Equal((2, 1, 4, 3), (wednesday.PeriodsElapsed, wednesday.PeriodsCompleted, wednesday.Required, wednesday.Delivered));
        Assert.Equal(QuotaProgress.OnTrack, wednesday.Progress);
        Assert.Null(wednesday.ArticleIds);
    }

    [ContractFact]
    public async Task Quotas_counted_without_their_articles_give_the_same_numbers_as_with_them_and_no_ids()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);

        foreach (var day in new DateOnly[] { new(2024, 11, 20), new(2024, 11, 24), new(2024, 12, 5) })
        {
            var listed = await coverage.QuotasAsync(plan, day, QuotaDetail.Articles, Ct);
            var counted = await coverage.QuotasAsync(plan, day, QuotaDetail.Counts, Ct);

            Assert.Equal(listed.Select(q => q with { ArticleIds = null }), counted);
            Assert.All(listed, q => Assert.Equal(q.Delivered, q.ArticleIds!.Count));
            // One outlet's rows (the outlet page's) are that outlet's rows of the whole answer.
            foreach (var outlet in counted.Select(q => q.Outlet).Distinct())
            {
                Assert.Equal(counted.Where(q => q.Outlet == outlet), await coverage.QuotasAsync(plan, day, QuotaDetail.Counts, outlet, Ct));
            }
        }
    }

    [ContractFact]
    public async Task A_column_quota_counts_the_outlets_named_section_when_its_articles_have_one_and_all_theme_articles_otherwise()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        var quotas = await (await _backend.OpenAsync(store.Db)).QuotasAsync(plan, new DateOnly(2024, 12, 5), QuotaDetail.Articles, Ct);

        var column = quotas[1];
        Assert.Equal((B, "Phòng cháy", 2, 1, 1), (column.Outlet, column.Section, column.Required, column.Delivered, column.PeriodsCompleted));
        Assert.Equal([Id("a5")], column.ArticleIds);
        Assert.Equal(QuotaProgress.OnTrack, column.Progress);
        var noColumn = quotas[2];
        Assert.Equal((A, (string?)null, 1), (noColumn.Outlet, noColumn.Section, noColumn.Delivered));
        Assert.Equal([Id("a2")], noColumn.ArticleIds);
    }

    [ContractFact]
    public async Task Gaps_name_uncovered_and_single_outlet_themes_with_latency_and_the_failing_source_beside_them()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        var gaps = await (await _backend.OpenAsync(store.Db)).GapsAsync(plan, new DateOnly(2024, 11, 24), Ct);

        var byCode = gaps.Themes.ToDictionary(t => t.Code);
        Assert.Equal(GapKind.SingleOutlet, byCode["1.2"].Kind);
        Assert.Equal([A], byCode["1.2"].Outlets);
        Assert.Equal((3, new DateOnly(2024, 11, 11), 3), (byCode["1.2"].Articles, byCode["1.2"].FirstDay, byCode["1.2"].LatencyDays));
        var b = Assert.Single(byCode["1.2"].Health);
        Assert.Equal((B, SourceState.Failing), (b.Outlet, b.State));
        Assert.Equal("http://b.vn/rss: HTTP 404", b.LastError);
        Assert.Equal(GapKind.None, byCode["1.3"].Kind);
        Assert.Equal(GapKind.Uncovered, byCode["2.5"].Kind);
        // A's feed works but A's last article is from 18 November, six days before: silent.
        Assert.Equal([(A, SourceState.Silent), (B, SourceState.Failing)], byCode["2.5"].Health.Select(h => (h.Outlet, h.State)));
        Assert.Equal(GapKind.NotStarted, byCode["3.1"].Kind);
        Assert.Equal(["1.2", "2.5"], gaps.Gaps.Select(g => g.Code));
    }

    [ContractFact]
    public async Task Event_coverage_counts_each_outlets_plan_articles_three_days_either_side()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        var e = Assert.Single(await (await _backend.OpenAsync(store.Db)).EventsAsync(plan, 3, Ct));

        Assert.Equal((new DateOnly(2024, 11, 17), new DateOnly(2024, 11, 23)), (e.From, e.To));
        Assert.Equal([(A, 2), (B, 1)], e.Outlets);
    }

    [ContractFact]
    public async Task A_retag_replaces_the_plans_tags_of_the_article_and_drops_the_themes_it_no_longer_has()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        await using (var connection = await store.Db.ConnectAsync(Ct))
        await using (var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            // a2 was 1.2 and 1.3; the new plan reading makes it 2.5 only.
            var a2 = CoverageFixture.Articles.Single(a => a.Name == "a2");
            await WriteAsync(connection, tx, plan, Article(a2.Name, a2.Outlet, a2.Section, a2.Published), ["2.5"]);
            await tx.CommitAsync(Ct);
        }

        var report = await (await _backend.OpenAsync(store.Db)).CoverageAsync(plan, new CoverageQuery(), Ct);

        Assert.Equal(
            [new("1.2", A, "2024-W46", 1), new("1.2", A, "2024-W47", 1), new("1.3", B, "2024-W47", 1), new("1.3", B, "2024-W49", 1), new CoverageCell("2.5", A, "2024-W46", 1)],
            report.Cells);
        Assert.Equal(7, report.ArticlesStored);
    }

    [ContractFact]
    public async Task Gaps_count_a_syndicated_story_once_whichever_way_its_copies_are_linked()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await using (var connection = await store.Db.ConnectAsync(Ct))
        {
            // a5 (B, 20 Nov) carries a2's story (A, 11 Nov); a3 and a4 (A, 17 and 18 Nov) are linked the other way round.
            await connection.ExecuteAsync("""
                INSERT INTO near_duplicates (article_id, duplicate_of, distance, found_at) VALUES ($a5, $a2, 3, '2024-11-20T00:00:00Z'), ($a3, $a4, 2, '2024-11-20T00:00:00Z')
                """, Ct, null, ("$a5", Id("a5")), ("$a2", Id("a2")), ("$a3", Id("a3")), ("$a4", Id("a4")));
        }

        var gaps = await (await _backend.OpenAsync(store.Db)).GapsAsync(plan, new DateOnly(2024, 11, 24), Ct);

        var byCode = gaps.Themes.ToDictionary(t => t.Code);
        Assert.Equal((3, 2), (byCode["1.2"].Articles, byCode["1.2"].Stories));
        Assert.Equal((2, 1), (byCode["1.3"].Articles, byCode["1.3"].Stories));
        Assert.Equal((0, 0), (byCode["2.5"].Articles, byCode["2.5"].Stories));
    }
}
