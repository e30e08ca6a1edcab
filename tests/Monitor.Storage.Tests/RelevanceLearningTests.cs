using Monitor.Core.Plans;
using Monitor.Storage.Feedback;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

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

    [Fact]
    public async Task Articles_added_by_analysts_that_the_matcher_missed_teach_a_near_miss_that_a_retag_stores_as_partial_with_its_evidence()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await new PlanStore(store.Db, TimeProvider.System).SaveAsync(new Plan
        {
            Id = "w46", Themes = [new Theme { Code = "2.7", Title = "Ngày Nhà giáo Việt Nam", Keywords = ["Ngày Nhà giáo"] }],
        }, CancellationToken.None);
        var ids = new Dictionary<string, string>();
        IEnumerable<Monitor.Core.Articles.Article> articles =
        [
            .. Enumerable.Range(1, 6).Select(i => StoreFixture.Article($"https://x.vn/day-{i}", $"Học sinh trường số {i} tri ân thầy cô dịp Ngày Nhà giáo",
                $"Học sinh tặng hoa, tri ân thầy cô nhân Ngày Nhà giáo, nhà trường tổ chức lễ kỷ niệm, tuyên dương nhà giáo tiêu biểu số {i}.", Day)),
            .. Enumerable.Range(1, 3).Append(9).Select(i => StoreFixture.Article($"https://x.vn/honour-{i}", $"Thành phố tuyên dương nhà giáo tiêu biểu lần {i}",
                $"Sáng nay, thành phố tuyên dương các nhà giáo tiêu biểu, tri ân thầy cô đã cống hiến cho sự nghiệp giáo dục, trao bằng khen cho nhà giáo có thành tích xuất sắc số {i}.", Day)),
            .. Enumerable.Range(1, 6).Select(i => StoreFixture.Article($"https://x.vn/law-{i}", $"Dự thảo luật về lương nhà giáo số {i}",
                $"Ban soạn thảo đề xuất bảng lương riêng cho nhà giáo, phụ cấp thâm niên, chính sách tuyển dụng và điều động nhà giáo, định mức biên chế số {i}. " + Filler(i), Day)),
            .. Enumerable.Range(1, 40).Select(i => StoreFixture.Article($"https://x.vn/coffee-{i}", $"Giá cà phê hôm nay số {i}", Filler(i), Day)),
        ];
        foreach (var article in articles)
        {
            await store.UpsertAsync(article);
            ids[article.Url[(article.Url.LastIndexOf('/') + 1)..]] = article.Id;
        }

        var feedback = new FeedbackStore(store.Db, TimeProvider.System);
        foreach (var name in Enumerable.Range(1, 3).Select(i => $"honour-{i}"))
        {
            await feedback.RecordAsync("w46", ids[name], "2.7", Verdict.Added, null, "an", CancellationToken.None);
        }

        await feedback.RecordAsync("w46", ids["law-1"], "2.7", Verdict.Rejected, null, "an", CancellationToken.None);
        var models = new RelevanceModels(store.Db, TimeProvider.System);
        var summary = await new RelevanceLearner(store.Db, feedback, models).LearnAsync(plan, CancellationToken.None);
        await new PlanRetagger(store.Db, TimeProvider.System).RetagAsync(plan, null, CancellationToken.None);

        Assert.Equal(3, summary.Model.Themes["2.7"].Near);
        Assert.Equal(1, await store.ScalarAsync($"SELECT COUNT(*) FROM tags WHERE article_id = '{ids["honour-9"]}' AND theme_code = '2.7' AND grade = 'partial' AND evidence LIKE '%nhà giáo%'"));
        Assert.Equal(0, await store.ScalarAsync($"SELECT COUNT(*) FROM tags WHERE article_id IN ('{ids["law-2"]}', '{ids["law-3"]}', '{ids["law-4"]}')"));
    }
}
