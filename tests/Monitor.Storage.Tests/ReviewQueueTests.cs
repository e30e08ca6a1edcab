using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Tests;

/// <summary>The review queue "Cần xem xét" over SQLite: undecided pairs ranked by the tagger's doubt, interleaved across
/// themes, decided pairs and sure pairs left out, an editor's outlets only, the learnt relevance stored with the tag.</summary>
public sealed class ReviewQueueTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Doubtful_pairs_come_first_each_theme_in_turn_and_sure_ones_are_not_listed()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await PlanAsync(store);
        // Theme 1.2: a partial hit at the threshold (most doubtful), a thin primary hit, a thick primary hit (sure).
        await TagAsync(store, "p-thin", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, Evidence(), ThemeGrade.Partial));
        await TagAsync(store, "q-primary", "Báo Kon Tum", new ThemeMatch("1.2", 1.5, Evidence(), ThemeGrade.Primary));
        await TagAsync(store, "r-sure", "Báo Kon Tum", new ThemeMatch("1.2", 5, Evidence(), ThemeGrade.Primary));
        // Theme 2.5: a mention that nearly counted (score 2.6) and one at the threshold (sure it does not count).
        await TagAsync(store, "s-near", "Đài Kon Tum", new ThemeMatch("2.5", 2.6, Evidence(), ThemeGrade.Mention));
        await TagAsync(store, "t-faint", "Đài Kon Tum", new ThemeMatch("2.5", 1.0, Evidence(), ThemeGrade.Mention));

        var page = await new ReviewQueue(store.Db).ListAsync(plan, new ReviewFilter(null, null, null, 50), Ct);

        // 1.2's partial (doubt 1.0) leads, then 2.5's near mention (0.4), then 1.2's thin primary (0.375).
        Assert.Equal([("p-thin", "1.2", "partial"), ("s-near", "2.5", "mention"), ("q-primary", "1.2", "primary")],
            page.Items.Select(i => (Id(i.ArticleId), i.Theme, i.Grade)));
        Assert.Equal(3, page.Total);
        Assert.Equal([1.0, 0.4, 0.375], page.Items.Select(i => Math.Round(i.Doubt, 3)));
        var first = page.Items[0];
        Assert.Equal(("Tin p-thin", "Báo Kon Tum", new ReviewSnippet("text", "Bếp ăn trường học và ", "ngộ độc thực phẩm", " ở xã.")),
            (first.Title, first.Outlet, first.Snippet));
    }

    [Fact]
    public async Task A_pair_with_any_decision_leaves_the_queue_and_other_themes_of_the_article_stay()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await PlanAsync(store);
        var id = await TagAsync(store, "p", "Báo Kon Tum", new ThemeMatch("1.2", 1.2, Evidence(), ThemeGrade.Partial), new ThemeMatch("3.1", 1.1, Evidence(), ThemeGrade.Partial));
        await TagAsync(store, "q", "Báo Kon Tum", new ThemeMatch("2.5", 2.5, Evidence(), ThemeGrade.Mention));
        var feedback = new FeedbackStore(store.Db, TimeProvider.System);

        await feedback.RecordAsync("w46", id, "1.2", Verdict.Confirmed, null, "analyst", Ct);
        await feedback.RecordAsync("w46", ArticleIdOf("q"), "2.5", Verdict.Rejected, null, "analyst", Ct);

        var page = await new ReviewQueue(store.Db).ListAsync(plan, new ReviewFilter(null, null, null, 50), Ct);
        Assert.Equal([("p", "3.1")], page.Items.Select(i => (Id(i.ArticleId), i.Theme)));
    }

    [Fact]
    public async Task An_editors_read_holds_only_its_outlets_and_the_theme_and_outlet_filters_narrow_it()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await PlanAsync(store);
        await TagAsync(store, "bao", "Báo Kon Tum", new ThemeMatch("1.2", 1.2, Evidence(), ThemeGrade.Partial));
        await TagAsync(store, "dai", "Đài Kon Tum", new ThemeMatch("1.2", 1.1, Evidence(), ThemeGrade.Partial));
        await TagAsync(store, "dai-3", "Đài Kon Tum", new ThemeMatch("3.1", 1.1, Evidence(), ThemeGrade.Partial));
        var queue = new ReviewQueue(store.Db);

        var editor = await queue.ListAsync(plan, new ReviewFilter(null, null, ["Báo Kon Tum"], 50), Ct);
        var outlet = await queue.ListAsync(plan, new ReviewFilter(null, "Đài Kon Tum", null, 50), Ct);
        var theme = await queue.ListAsync(plan, new ReviewFilter("3.1", null, null, 50), Ct);
        var other = await queue.ListAsync(plan, new ReviewFilter(null, "Đài Kon Tum", ["Báo Kon Tum"], 50), Ct);

        Assert.Equal(["bao"], editor.Items.Select(i => Id(i.ArticleId)));
        Assert.Equal(["dai", "dai-3"], outlet.Items.Select(i => Id(i.ArticleId)).Order());
        Assert.Equal(["dai-3"], theme.Items.Select(i => Id(i.ArticleId)));
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task The_learnt_relevance_is_stored_with_the_tag_and_ranks_by_its_distance_from_the_models_line()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await PlanAsync(store);
        // Counted hits: the demote line is 0.4; a mention: the promote line is 0.7 (RelevanceOptions' defaults, no model stored).
        await TagAsync(store, "far", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, Evidence(), ThemeGrade.Partial) { Relevance = 0.95 });
        await TagAsync(store, "near", "Báo Kon Tum", new ThemeMatch("1.2", 4, Evidence(), ThemeGrade.Primary) { Relevance = 0.45 });
        await TagAsync(store, "mention", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, Evidence(), ThemeGrade.Mention) { Relevance = 0.6 });

        var page = await new ReviewQueue(store.Db).ListAsync(plan, new ReviewFilter(null, null, null, 50), Ct);

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tags WHERE relevance = 0.45"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tag_mentions WHERE relevance = 0.6"));
        Assert.Equal([("near", 0.95), ("mention", 0.9), ("far", 0.45)], page.Items.Select(i => (Id(i.ArticleId), Math.Round(i.Doubt, 3))));
        Assert.Equal(0.45, page.Items[0].Relevance);
    }

    private const string Body = "Bếp ăn trường học và ngộ độc thực phẩm ở xã.";

    private static List<Evidence> Evidence() => [new("ngộ độc thực phẩm", 21, 38, "text")];

    private static string ArticleIdOf(string name) => StoreFixture.Article($"https://baokontum.vn/{name}.html").Id;

    private static readonly Dictionary<string, string> Names = [];

    private static string Id(string articleId) => Names[articleId];

    private static async Task<StoredPlan> PlanAsync(StoreFixture store) => await new PlanStore(store.Db, TimeProvider.System).SaveAsync(new Plan
    {
        Id = "w46",
        Themes =
        [
            new Theme { Code = "1.2", Title = "Phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"] },
            new Theme { Code = "2.5", Title = "Kỳ họp thứ 8 Quốc hội", Keywords = ["kỳ họp thứ 8"] },
            new Theme { Code = "3.1", Title = "Chuyển đổi số", Keywords = ["chuyển đổi số"] },
        ],
    }, Ct);

    private static async Task<string> TagAsync(StoreFixture store, string name, string outlet, params ThemeMatch[] themes)
    {
        var article = StoreFixture.Article($"https://baokontum.vn/{name}.html", "Tin " + name, Body) with { Outlet = outlet };
        lock (Names)
        {
            Names[article.Id] = name;
        }

        await store.UpsertAsync(article);
        await using var connection = await store.Db.ConnectAsync(Ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await ArticleWriter.ReplaceTagsAsync(connection, tx, "w46", 1, new TagResult(article.Id, outlet, themes, []), DateTimeOffset.UnixEpoch, Ct);
        await tx.CommitAsync(Ct);
        return article.Id;
    }
}
