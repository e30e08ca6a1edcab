using Microsoft.Data.Sqlite;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Contract;

/// <summary>A theme's article list with syndicated copies grouped under their original, agreeing with the gap report's
/// story count.</summary>
public abstract class ThemeStoriesTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private readonly ICoverageBackend _backend;

    protected ThemeStoriesTests(ICoverageBackend backend) => _backend = backend;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [ContractFact]
    public async Task A_copy_linked_by_the_crawler_is_listed_under_its_original_and_the_story_count_matches_the_gaps()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        // s1 (A) is carried by s2 (B) a day later; s3 (B) is a story of its own.
        var s1 = Article("s1", A, null, new(2024, 11, 12, 8, 0, 0, Vn));
        var s2 = Article("s2", B, null, new(2024, 11, 13, 8, 0, 0, Vn));
        var s3 = Article("s3", B, null, new(2024, 11, 14, 8, 0, 0, Vn));
        await using (var connection = await store.Db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            foreach (var a in new[] { s1, s2, s3 })
            {
                await WriteAsync(connection, tx, plan, a, ["1.2"]);
            }

            await tx.CommitAsync(Ct);
        }

        var duplicates = new NearDuplicates(store.Db, TimeProvider.System);
        const long Story = 0x5A5A_1234_0F0F_7777;
        await duplicates.AddAsync(s1.Id, A, Story, s1.Published!.Value, 6, Ct);
        Assert.Single(await duplicates.AddAsync(s2.Id, B, Story ^ 0b101, s2.Published!.Value, 6, Ct));
        Assert.Empty(await duplicates.AddAsync(s3.Id, B, ~Story, s3.Published!.Value, 6, Ct));
        var coverage = await _backend.OpenAsync(store.Db);
        var asOf = new DateOnly(2024, 11, 24);

        var stories = (await coverage.StoriesAsync(plan, "1.2", asOf, StoryPage.All, Ct))!;
        var gap = (await coverage.GapsAsync(plan, asOf, Ct)).Themes.Single(t => t.Code == "1.2");

        // In the window up to the 24th: a2, a3, a4 (A) and s1, s2, s3.
        Assert.Equal((6, 1), (stories.Articles, stories.Copies));
        var grouped = Assert.Single(stories.Stories, s => s.Copies.Count > 0);
        Assert.Equal((s1.Id, s2.Id), (grouped.Original.Id, Assert.Single(grouped.Copies).Id));
        Assert.DoesNotContain(stories.Stories, s => s.Original.Id == s2.Id);
        Assert.Equal((gap.Articles, gap.Stories), (stories.Articles, stories.Stories.Count));
        Assert.Equal(stories.Stories.Count, stories.Total);
        // Newest story first.
        Assert.Equal(stories.Stories.Select(s => s.Original.Day).OrderDescending(), stories.Stories.Select(s => s.Original.Day));
    }

    [ContractFact]
    public async Task Pages_of_stories_walk_every_story_once_newest_first_and_a_copy_of_a_copy_stays_under_the_first_original()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        // s1 (A) is carried by s2 (B) a day later, and s3 (A) two days after copies s2 (but is too far from s1 to be linked
        // to it): one story of three. s4 (B) is a story of its own.
        var s1 = Article("s1", A, null, new(2024, 11, 12, 8, 0, 0, Vn));
        var s2 = Article("s2", B, null, new(2024, 11, 13, 8, 0, 0, Vn));
        var s3 = Article("s3", A, null, new(2024, 11, 15, 8, 0, 0, Vn));
        var s4 = Article("s4", B, null, new(2024, 11, 14, 8, 0, 0, Vn));
        await using (var connection = await store.Db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            foreach (var a in new[] { s1, s2, s3, s4 })
            {
                await WriteAsync(connection, tx, plan, a, ["1.2"]);
            }

            await tx.CommitAsync(Ct);
        }

        var duplicates = new NearDuplicates(store.Db, TimeProvider.System);
        const long Story = 0x5A5A_1234_0F0F_7777;
        await duplicates.AddAsync(s1.Id, A, Story, s1.Published!.Value, 6, Ct);
        Assert.Single(await duplicates.AddAsync(s2.Id, B, Story ^ 0b101, s2.Published!.Value, 6, Ct));
        Assert.Empty(await duplicates.AddAsync(s4.Id, B, ~Story, s4.Published!.Value, 6, Ct));
        Assert.Equal(s2.Id, Assert.Single(await duplicates.AddAsync(s3.Id, A, Story ^ 0b101 ^ (0b11111L << 20), s3.Published!.Value, 6, Ct)).DuplicateOf);
        var coverage = await _backend.OpenAsync(store.Db);
        var asOf = new DateOnly(2024, 11, 24);

        var all = (await coverage.StoriesAsync(plan, "1.2", asOf, StoryPage.All, Ct))!;
        var pages = new List<ThemeStories>();
        for (var offset = 0; offset < all.Total; offset += 2)
        {
            pages.Add((await coverage.StoriesAsync(plan, "1.2", asOf, new StoryPage(offset, 2), Ct))!);
        }

        // a2, a3, a4 and s1–s4: seven articles, two of them copies.
        Assert.Equal((7, 5, 2), (all.Articles, all.Total, all.Copies));
        var story = Assert.Single(all.Stories, s => s.Original.Id == s1.Id);
        Assert.Equal([s2.Id, s3.Id], story.Copies.Select(c => c.Id));
        Assert.All(pages, p => Assert.Equal((all.Total, all.Copies), (p.Total, p.Copies)));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Stories.Count));
        Assert.Equal(all.Stories.Select(s => (s.Original.Id, string.Join(" ", s.Copies.Select(c => c.Id)))),
            pages.SelectMany(p => p.Stories).Select(s => (s.Original.Id, string.Join(" ", s.Copies.Select(c => c.Id)))));
        var days = all.Stories.Select(s => (s.Original.Day, s.Original.Id)).ToList();
        Assert.Equal(days.OrderByDescending(d => d.Day).ThenByDescending(d => d.Id, StringComparer.Ordinal), days);
        Assert.Empty((await coverage.StoriesAsync(plan, "1.2", asOf, new StoryPage(all.Total, 2), Ct))!.Stories);
    }

    [ContractFact]
    public async Task Copies_the_tagger_writes_after_the_crawler_linked_them_are_grouped_and_counted()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);
        // As the scaled-out roles run: the crawler links t2 (B, a day later) to t1 (A) in its database, then the tagger writes both.
        var t1 = Article("t1", A, null, new(2024, 11, 12, 9, 0, 0, Vn));
        var t2 = Article("t2", B, null, new(2024, 11, 13, 15, 0, 0, Vn));
        var duplicates = new NearDuplicates(store.Db, TimeProvider.System);
        const long Story = 0x0F0F_7777_5A5A_1234;
        await duplicates.AddAsync(t1.Id, A, Story, t1.Published!.Value, 6, Ct);
        Assert.Single(await duplicates.AddAsync(t2.Id, B, Story ^ 0b1, t2.Published!.Value, 6, Ct));
        TagResult Tagged(Core.Articles.Article a) => new(a.Id, a.Outlet, [new ThemeMatch("1.2", 1.0, [])], []);
        await _backend.Writer(store.Db).WriteAsync(
            new TaggedBatch([t1, t2], [SearchText.Of(t1), SearchText.Of(t2)], [(plan.Id, plan.Version)], [[Tagged(t1)], [Tagged(t2)]]), Ct);
        await _backend.SettleAsync();
        var asOf = new DateOnly(2024, 11, 24);

        var stories = (await coverage.StoriesAsync(plan, "1.2", asOf, StoryPage.All, Ct))!;
        var gap = (await coverage.GapsAsync(plan, asOf, Ct)).Themes.Single(t => t.Code == "1.2");

        // In the window up to the 24th: a2, a3, a4 (A) and t1, t2; t2 is t1's copy.
        Assert.Equal((5, 1), (stories.Articles, stories.Copies));
        Assert.Equal((t1.Id, t2.Id), (Assert.Single(stories.Stories, s => s.Copies.Count > 0).Original.Id, Assert.Single(stories.Stories.SelectMany(s => s.Copies)).Id));
        Assert.Equal((5, 4), (gap.Articles, gap.Stories));
    }

    [ContractFact]
    public async Task An_unknown_theme_has_no_story_list()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);

        Assert.Null(await (await _backend.OpenAsync(store.Db)).StoriesAsync(plan, "9.9", new DateOnly(2024, 11, 24), StoryPage.All, Ct));
    }
}
