using Microsoft.Data.Sqlite;
using Monitor.Core.Tagging;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Contract;

/// <summary>The articles behind the numbers (<see cref="IArticleStore"/>): the same rows, lists, article page and last
/// article from every store, and lists that agree with the counts.</summary>
public abstract class ArticlesBehindTheNumbersTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private readonly ICoverageBackend _backend;

    protected ArticlesBehindTheNumbersTests(ICoverageBackend backend) => _backend = backend;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [ContractFact]
    public async Task The_summary_reads_the_tag_rows_inside_the_windows_their_count_and_the_last_tagged_day()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        var articles = _backend.Articles(store.Db);

        var rows = await articles.TaggedAsync(plan, null, null, Ct);
        var week = await articles.TaggedAsync(plan, new DateOnly(2024, 11, 11), new DateOnly(2024, 11, 17), Ct);

        // a1 is before the windows open and a7 after 1.2's closes; a2 counts for two themes.
        Assert.Equal(
            [
                new(Id("a2"), "1.2", A, null, new(2024, 11, 11)), new(Id("a2"), "1.3", A, null, new(2024, 11, 11)), new(Id("a3"), "1.2", A, null, new(2024, 11, 17)),
                new(Id("a4"), "1.2", A, null, new(2024, 11, 18)), new(Id("a5"), "1.3", B, "Phòng cháy", new(2024, 11, 20)), new TaggedArticle(Id("a6"), "1.3", B, "Thời sự", new(2024, 12, 2)),
            ],
            rows.OrderBy(r => r.Day).ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Theme, StringComparer.Ordinal));
        Assert.Equal(new[] { Id("a2"), Id("a3") }.Order(StringComparer.Ordinal), week.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal((5, 2), (await articles.CountAsync(plan, null, null, Ct), await articles.CountAsync(plan, new(2024, 11, 11), new(2024, 11, 17), Ct)));
        // The last tagged day, inside a window or not (a7 is tagged 1.2 on 5 January).
        Assert.Equal(new DateOnly(2025, 1, 5), await articles.LastDayAsync(plan.Id, Ct));
        Assert.Null(await articles.LastDayAsync("khong-co", Ct));
    }

    [ContractFact]
    public async Task A_list_holds_what_its_number_counted_newest_first_page_by_page_and_with_the_plans_themes()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        var articles = _backend.Articles(store.Db);
        var windows = CoverageRules.Windows(plan.Plan, null, null);

        var (total, first) = await articles.ListAsync(plan.Id, windows, null, null, 0, 2, Ct);
        var (_, rest) = await articles.ListAsync(plan.Id, windows, null, null, 2, 10, Ct);
        var (onlyTotal, none) = await articles.ListAsync(plan.Id, windows, null, null, 0, 0, Ct);
        var (column, columnPage) = await articles.ListAsync(plan.Id, windows, B, "Phòng cháy", 0, 10, Ct);

        Assert.Equal((5, 5, 0), (total, onlyTotal, none.Count));
        Assert.Equal(["a6", "a5", "a4", "a3", "a2"], first.Concat(rest).Select(Name));
        Assert.Equal(new ListedArticle(Id("a2"), "Tin a2", A, null, "2024-11-11", "https://x.vn/a2", ["1.2", "1.3"]), rest[^1], Same);
        Assert.Equal(new ListedArticle(Id("a5"), "Tin a5", B, "Phòng cháy", "2024-11-20", "https://x.vn/a5", ["1.3"]), Assert.Single(columnPage), Same);
        Assert.Equal(1, column);
        // The number the list explains: the distinct articles of the same windows.
        Assert.Equal(await articles.CountAsync(plan, null, null, Ct), total);

        // Distinct articles per day (a2, of two themes, once): the days add up to the list's total.
        var perDay = await articles.PerDayAsync(plan.Id, windows, null, null, Ct);
        Assert.Equal([("2024-11-11", 1), ("2024-11-17", 1), ("2024-11-18", 1), ("2024-11-20", 1), ("2024-12-02", 1)], perDay);
        Assert.Equal(total, perDay.Sum(d => d.Articles));
        Assert.Equal([("2024-11-20", 1)], await articles.PerDayAsync(plan.Id, windows, B, "Phòng cháy", Ct));

        // A quota's counted list by id (an unknown id is left out), the outlet page's latest, the filters' sections and outlets.
        Assert.Equal(["a7", "a2"], (await articles.ByIdsAsync(plan.Id, [Id("a2"), Id("a7"), "khong-co"], Ct)).Select(Name));
        var endOf18 = CoverageRules.EndOf(new DateOnly(2024, 11, 18)).ToUnixTimeMilliseconds();
        Assert.Equal(["a4", "a3"], (await articles.RecentAsync(plan.Id, A, "2024-W46", "2024-W47", endOf18, 2, Ct)).Select(Name));
        Assert.Equal(["Phòng cháy", "Thời sự"], await articles.SectionsAsync(plan.Id, Ct));
        Assert.Equal([A, B], await articles.OutletsAsync(plan.Id, Ct));
        Assert.Equal([new DailyCount("1.3", "2024-12-02", B, 1)], await articles.DailyAsync(plan.Id, windows, null, "Thời sự", Ct));
        Assert.Equal([new DailyCount("1.2", "2024-11-17", A, 1), new DailyCount("1.2", "2024-11-18", A, 1)],
            (await articles.DailyAsync(plan.Id, CoverageRules.Windows(plan.Plan, new(2024, 11, 12), new(2024, 11, 30)), A, null, Ct))
                .OrderBy(d => d.Theme, StringComparer.Ordinal).ThenBy(d => d.Day, StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task A_quotas_counted_articles_are_paged_by_the_store_as_many_as_it_counted_and_the_same_as_its_ids()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);
        var articles = _backend.Articles(store.Db);

        foreach (var day in new DateOnly[] { new(2024, 11, 20), new(2024, 11, 24), new(2024, 12, 5) })
        {
            var listed = await coverage.QuotasAsync(plan, day, QuotaDetail.Articles, Ct);
            foreach (var quota in await coverage.QuotasAsync(plan, day, QuotaDetail.Counts, Ct))
            {
                // Pages of one, walked to the end: every page says how many the quota counted, and together they are its ids, newest first.
                var ids = listed.Single(q => q.Quota == quota.Quota && q.Outlet == quota.Outlet).ArticleIds!;
                var walked = new List<string>();
                for (var offset = 0; ; offset++)
                {
                    var (total, page) = await articles.QuotaListAsync(plan, quota, day, offset, 1, Ct);
                    Assert.Equal(quota.Delivered, total);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    walked.Add(Assert.Single(page).Id);
                }

                Assert.Equal((await articles.ByIdsAsync(plan.Id, ids, Ct)).Select(a => a.Id), walked);
            }
        }

        // The column quota of B lists its column's article only (a6 of "Thời sự" is counted by no column); A's quota without
        // a matching column lists all its theme's articles.
        var quotas = await coverage.QuotasAsync(plan, new DateOnly(2024, 12, 5), QuotaDetail.Counts, Ct);
        Assert.Equal(["a5"], (await articles.QuotaListAsync(plan, quotas[1], new DateOnly(2024, 12, 5), 0, 10, Ct)).Page.Select(Name));
        Assert.Equal(["a2"], (await articles.QuotaListAsync(plan, quotas[2], new DateOnly(2024, 12, 5), 0, 10, Ct)).Page.Select(Name));
    }

    [ContractFact]
    public async Task The_article_page_reads_the_article_its_evidence_mentions_citations_and_near_duplicates()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var (p1, p2) = await WriteCitingPairAsync(store.Db, plan);
        await _backend.OpenAsync(store.Db);
        var articles = _backend.Articles(store.Db);

        var article = await articles.ArticleAsync(p1.Id, Ct);
        var tags = await articles.TagsAsync(p1.Id, Ct);
        var mentions = await articles.MentionsAsync(p1.Id, Ct);

        Assert.Equal((p1.Title, p1.Text, p1.Outlet, p1.Published), (article!.Title, article.Text, article.Outlet, article.Published));
        Assert.Null(await articles.ArticleAsync("khong-co", Ct));
        Assert.Equal(1, await articles.VersionAsync(p1.Id, Ct));
        Assert.Empty(await articles.ChangesAsync(p1.Id, Ct));
        Assert.Equal(["1.2", "2.5"], tags.Select(t => t.Theme));
        Assert.Equal([new Evidence("ngộ độc", 6, 13, "title")], tags[0].Evidence);
        Assert.Equal((plan.Id, plan.Version, 2.0), (tags[0].Plan, tags[0].Version, tags[0].Score));
        var mention = Assert.Single(mentions);
        Assert.Equal(("1.3", 0.4, "xe điện"), (mention.Theme, mention.Score, Assert.Single(mention.Evidence).Text));
        Assert.Equal(["12/CT-UBND", "45/KH-UBND"], await articles.CitedAsync(p1.Id, Ct));
        var duplicate = Assert.Single(await articles.DuplicatesAsync(p1.Id, Ct));
        Assert.Equal((p2.Id, p2.Title, B, 2), (duplicate.Id, duplicate.Title, duplicate.Outlet, duplicate.Distance));
        Assert.Equal(p1.Id, Assert.Single(await articles.DuplicatesAsync(p2.Id, Ct)).Id);

        // The summary's reads of the same articles: links among a set, headings, citations of the plan's window.
        Assert.Equal([(p2.Id, p1.Id)], await articles.LinksAsync([p1.Id, p2.Id, Id("a2")], Ct));
        Assert.Empty(await articles.LinksAsync([p1.Id, Id("a2")], Ct));
        var headings = await articles.HeadingsAsync([p1.Id, "khong-co"], Ct);
        Assert.Equal(new ArticleHeading(p1.Id, A, null, p1.Title, p1.CanonicalUrl, p1.Published), Assert.Single(headings).Value);
        Assert.Equal([("45/KH-UBND", 2), ("12/CT-UBND", 1)], await articles.ReferencesAsync(plan, null, null, Ct));
        Assert.Empty(await articles.ReferencesAsync(plan, new(2024, 12, 10), new(2024, 12, 20), Ct));
    }

    [ContractFact]
    public async Task A_changed_article_written_by_the_tagger_keeps_its_earlier_title_as_a_version()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        var writer = _backend.Writer(store.Db);
        var a2 = CoverageFixture.Articles[1];
        var first = Article(a2.Name, a2.Outlet, a2.Section, a2.Published);
        var edited = first with { Title = "Tin a2 đã sửa", ContentHash = "sua-1", FetchedAt = first.FetchedAt.AddDays(1) };

        // The outlet edits a2; the message is delivered twice; then an older fetch arrives late.
        await writer.WriteAsync(Batch(plan, edited), Ct);
        await _backend.SettleAsync();
        await writer.WriteAsync(Batch(plan, edited), Ct);
        await _backend.SettleAsync();
        await writer.WriteAsync(Batch(plan, first with { Title = "Tin a2 cũ", ContentHash = "cu", FetchedAt = first.FetchedAt.AddHours(1) }), Ct);
        await _backend.SettleAsync();
        var articles = _backend.Articles(store.Db);

        Assert.Equal("Tin a2 đã sửa", (await articles.ArticleAsync(first.Id, Ct))!.Title);
        Assert.Equal(2, await articles.VersionAsync(first.Id, Ct));
        Assert.Equal([(2, "Tin a2")], (await articles.ChangesAsync(first.Id, Ct)).Select(c => (c.Version, c.PreviousTitle)));
        Assert.Equal((1, 0), (await articles.VersionAsync(Id("a3"), Ct), (await articles.ChangesAsync(Id("a3"), Ct)).Count));
    }

    /// <summary>One article as the tagger hands it to the store, tagged 1.2.</summary>
    private static Storage.Articles.TaggedBatch Batch(StoredPlan plan, Core.Articles.Article a) =>
        new([a], [Storage.Articles.SearchText.Of(a)], [(plan.Id, plan.Version)], [[new TagResult(a.Id, a.Outlet, [new ThemeMatch("1.2", 1.0, [])], [])]]);

    [ContractFact]
    public async Task Source_health_reads_the_last_article_of_each_outlet_as_of_a_day()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);
        var articles = _backend.Articles(store.Db);

        var november = await articles.LastArticleDaysAsync([A, B, "Báo khác"], new DateOnly(2024, 11, 30), Ct);
        var january = await articles.LastArticleDaysAsync([A], new DateOnly(2025, 1, 31), Ct);
        var health = (await coverage.HealthAsync([A, B], new DateOnly(2024, 11, 30), Ct)).ToDictionary(h => h.Outlet);

        Assert.Equal([(A, new DateOnly(2024, 11, 18)), (B, new DateOnly(2024, 11, 20))], november.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal(new DateOnly(2025, 1, 5), january[A]);
        Assert.Equal((new DateOnly(2024, 11, 18), new DateOnly(2024, 11, 20)), (health[A].LastArticleDay, health[B].LastArticleDay));
    }

    /// <summary>p1 (A, 15 November): 1.2 with evidence in its title, 2.5 added, a passing 1.3, two cited documents; p2 (B,
    /// the 16th) carries the same story (SimHash distance 2), 1.2, and cites one of them.</summary>
    private static async Task<(Core.Articles.Article P1, Core.Articles.Article P2)> WriteCitingPairAsync(MonitorDatabase db, StoredPlan plan)
    {
        var p1 = Article("p1", A, null, new(2024, 11, 15, 8, 0, 0, Vn)) with { Title = "Phòng ngộ độc thực phẩm" };
        var p2 = Article("p2", B, null, new(2024, 11, 16, 8, 0, 0, Vn));
        await using (var connection = await db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            await Storage.Articles.ArticleWriter.UpsertAsync(connection, tx, p1, DateTimeOffset.UnixEpoch, Ct);
            await Storage.Articles.ArticleWriter.UpsertAsync(connection, tx, p2, DateTimeOffset.UnixEpoch, Ct);
            var r1 = new TagResult(p1.Id, A,
                [
                    new ThemeMatch("1.2", 2.0, [new Evidence("ngộ độc", 6, 13, "title")]), new ThemeMatch("2.5", 1.0, []),
                    new ThemeMatch("1.3", 0.4, [new Evidence("xe điện", 30, 37, "text")], ThemeGrade.Mention),
                ],
                ["45/KH-UBND", "12/CT-UBND"]);
            var r2 = new TagResult(p2.Id, B, [new ThemeMatch("1.2", 1.0, [])], ["45/KH-UBND"]);
            await Storage.Articles.ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, r1, DateTimeOffset.UnixEpoch, Ct, fresh: true);
            await Storage.Articles.ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, r2, DateTimeOffset.UnixEpoch, Ct, fresh: true);
            await tx.CommitAsync(Ct);
        }

        var duplicates = new NearDuplicates(db, TimeProvider.System);
        const long Story = 0x1234_5678_9ABC_DEF0;
        await duplicates.AddAsync(p1.Id, A, Story, p1.Published!.Value, 6, Ct);
        Assert.Single(await duplicates.AddAsync(p2.Id, B, Story ^ 0b11, p2.Published!.Value, 6, Ct));
        return (p1, p2);
    }

    private static string Name(ListedArticle a) => CoverageFixture.Articles.Single(f => Id(f.Name) == a.Id).Name;

    private static readonly ListedComparer Same = new();

    /// <summary>Lists compare by value, themes included (records compare a list by reference).</summary>
    private sealed class ListedComparer : IEqualityComparer<ListedArticle>
    {
        public bool Equals(ListedArticle? x, ListedArticle? y) => x is not null && y is not null
            && (x with { Themes = [] }) == (y with { Themes = [] }) && x.Themes.SequenceEqual(y.Themes);

        public int GetHashCode(ListedArticle obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
