using Monitor.Core.Plans;
using Monitor.Storage.Feedback;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;
using Monitor.Storage.Tests.Support;

namespace Monitor.Storage.Tests;

/// <summary>Learning from feedback in the store: the model is trained from the decisions in force, stored with the plan
/// version and the number of decisions, rewritten only when it changed, and applied by a re-tag.</summary>
public sealed class RelevanceLearningTests
{
    private static readonly DateTimeOffset Day = new(2024, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    private static Plan Plan() => new()
    {
        Id = "w46",
        Themes = [new Theme { Code = "2.5", Title = "Kỳ họp thứ 8", Keywords = ["Quốc hội thông qua"] }],
    };

    private static string Filler(int i) => string.Concat(Enumerable.Repeat($"Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê số {i}, giá tăng so với năm trước, thương lái thu mua tại vườn. ", 8));

    private static IEnumerable<Monitor.Core.Articles.Article> Articles() =>
    [
        .. Enumerable.Range(1, 8).Select(i => StoreFixture.Article($"https://x.vn/session-{i}", $"Quốc hội thông qua luật số {i}",
            $"Với đa số đại biểu tán thành, Quốc hội biểu quyết thông qua dự án luật tại kỳ họp. Đại biểu thảo luận tại hội trường, chất vấn bộ trưởng về điều khoản {i}.", Day)),
        .. Enumerable.Range(1, 5).Select(i => StoreFixture.Article($"https://x.vn/road-{i}", $"Khởi công đường vành đai {i}",
            $"Dự án đường vành đai {i} do Quốc hội thông qua chủ trương đầu tư năm ngoái. Nhà thầu thi công cao tốc, giải phóng mặt bằng, bàn giao mặt bằng sạch, nút giao và cầu vượt hoàn thành trước Tết. " + Filler(i), Day)),
        .. Enumerable.Range(1, 40).Select(i => StoreFixture.Article($"https://x.vn/coffee-{i}", $"Giá cà phê hôm nay số {i}", Filler(i), Day)),
    ];

    [Fact]
    public async Task Rejections_train_a_stored_model_that_a_retag_applies_to_a_similar_article()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await new PlanStore(store.Db, TimeProvider.System).SaveAsync(Plan(), CancellationToken.None);
        var ids = new Dictionary<string, string>();
        foreach (var article in Articles())
        {
            await store.UpsertAsync(article);
            ids[article.Url[(article.Url.LastIndexOf('/') + 1)..]] = article.Id;
        }

        var feedback = new FeedbackStore(store.Db, TimeProvider.System);
        await feedback.RecordAsync("w46", ids["road-1"], "2.5", Verdict.Confirmed, null, "an", CancellationToken.None);
        await feedback.RecordAsync("w46", ids["road-1"], "2.5", Verdict.Rejected, "nói về đường, không về kỳ họp", "an", CancellationToken.None);   // the latest decision is in force
        await feedback.RecordAsync("w46", ids["road-2"], "2.5", Verdict.Rejected, null, "an", CancellationToken.None);
        var models = new RelevanceModels(store.Db, TimeProvider.System);
        var learner = new RelevanceLearner(store.Db, feedback, models);

        var summary = await learner.LearnAsync(plan, CancellationToken.None);

        Assert.True(summary.Changed);
        Assert.Equal(53, summary.Articles);
        Assert.Equal(2, await store.ScalarAsync("SELECT feedback_count FROM relevance_models WHERE plan_id = 'w46'"));
        Assert.Equal(plan.Version, await store.ScalarAsync("SELECT plan_version FROM relevance_models WHERE plan_id = 'w46'"));
        var stored = await models.FindAsync("w46", CancellationToken.None);
        Assert.Equal(summary.Model.ToJson(), stored!.ToJson());
        Assert.Equal(2, stored.Themes["2.5"].Rejected);

        // The same decisions and articles again: the same model, not rewritten, so taggers keep theirs.
        Assert.False((await learner.LearnAsync(plan, CancellationToken.None)).Changed);
        Assert.Equal(1, (await models.RevisionsAsync(CancellationToken.None))["w46"]);

        await new PlanRetagger(store.Db, TimeProvider.System).RetagAsync(plan, null, CancellationToken.None);

        Assert.Equal(0, await store.ScalarAsync($"SELECT COUNT(*) FROM tags WHERE article_id IN ('{ids["road-3"]}', '{ids["road-4"]}', '{ids["road-5"]}')"));
        Assert.Equal(3, await store.ScalarAsync($"SELECT COUNT(*) FROM tag_mentions WHERE article_id IN ('{ids["road-3"]}', '{ids["road-4"]}', '{ids["road-5"]}')"));
        Assert.Equal(8, await store.ScalarAsync("SELECT COUNT(*) FROM tags t JOIN articles a ON a.id = t.article_id WHERE a.url LIKE '%session-%'"));
    }

    [Fact]
    public async Task Without_feedback_a_plan_gets_no_theme_model_and_a_retag_stores_what_the_matcher_gives()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await new PlanStore(store.Db, TimeProvider.System).SaveAsync(Plan(), CancellationToken.None);
        foreach (var article in Articles())
        {
            await store.UpsertAsync(article);
        }

        var models = new RelevanceModels(store.Db, TimeProvider.System);
        var summary = await new RelevanceLearner(store.Db, new FeedbackStore(store.Db, TimeProvider.System), models).LearnAsync(plan, CancellationToken.None);
        await new PlanRetagger(store.Db, TimeProvider.System).RetagAsync(plan, null, CancellationToken.None);

        Assert.Empty(summary.Model.Themes);
        Assert.Equal(13, await store.ScalarAsync("SELECT COUNT(*) FROM tags"));   // 8 sessions and 5 roads, as the matcher counts them
    }
}
