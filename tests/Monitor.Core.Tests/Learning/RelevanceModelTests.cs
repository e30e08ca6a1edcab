using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Learning;

/// <summary>The second stage after the matcher: trained from decisions and the matcher's own primary hits, it demotes
/// articles like the rejected ones, promotes mentions like the confirmed ones, and changes nothing without a model.</summary>
public sealed class RelevanceModelTests
{
    private static readonly PlanMatcher Matcher = LearningFixture.Matcher;

    private static string Filler(int i) => LearningFixture.Filler(i);

    private static Article Article(string id, string title, string text, string? lead = null) => LearningFixture.Article(id, title, text, lead);

    /// <summary>The session itself: "Quốc hội thông qua" in the title (primary, the matcher's confident hits).</summary>
    private static Article Session(int i) => Article($"session-{i}", $"Quốc hội thông qua luật số {i}",
        $"Chiều nay, với đa số đại biểu tán thành, Quốc hội biểu quyết thông qua dự án luật tại kỳ họp. Đại biểu thảo luận tại hội trường, chất vấn bộ trưởng về điều khoản {i}. Ủy ban thẩm tra báo cáo tiếp thu, giải trình ý kiến đại biểu.");

    /// <summary>A ring road whose funding "Quốc hội thông qua" last year: counted by the matcher (in the opening), not about the session.</summary>
    private static Article Road(int i) => Article($"road-{i}", $"Khởi công đường vành đai {i}",
        $"Dự án đường vành đai {i} do Quốc hội thông qua chủ trương đầu tư năm ngoái. Nhà thầu thi công cao tốc, giải phóng mặt bằng, bàn giao mặt bằng sạch cho chủ đầu tư, nút giao và cầu vượt hoàn thành trước Tết. " + Filler(i));

    /// <summary>A teacher's story that names the day once, deep in a long text: the matcher says mention.</summary>
    private static Article Tribute(int i) => Article($"tribute-{i}", $"Cô giáo vùng cao số {i} bám bản dạy chữ",
        Filler(i) + $"\nCô giáo cắm bản dạy học trò người Xơ Đăng, tri ân thầy cô, học sinh tặng hoa cô giáo dịp Ngày Nhà giáo, phụ huynh cảm ơn cô giáo vùng cao {i}.\n" + Filler(i + 1) + Filler(i + 2));

    private static Article Coffee(int i) => Article($"coffee-{i}", $"Giá cà phê hôm nay số {i}", Filler(i));

    private static List<Article> Corpus() =>
        [.. Enumerable.Range(1, 8).Select(Session), .. Enumerable.Range(1, 5).Select(Road), .. Enumerable.Range(1, 5).Select(Tribute), .. Enumerable.Range(1, 40).Select(Coffee)];

    private static readonly FeedbackDecision[] Decisions =
    [
        new("road-1", "2.5", Relevant: false),
        new("road-2", "2.5", Relevant: false),
        new("tribute-1", "2.7", Relevant: true),
        new("tribute-2", "2.7", Relevant: true),
    ];

    private static RelevanceModel Train(IEnumerable<Article> articles, IEnumerable<FeedbackDecision> decisions) =>
        RelevanceTrainer.Train("w46", 3, Matcher, articles, decisions);

    private static ThemeMatch Theme(TagResult result, string code) => Assert.Single(result.Themes, t => t.Code == code);

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_model_bit_for_bit()
    {
        var first = Train(Corpus(), Decisions).ToJson();
        var shuffled = Corpus().OrderBy(a => a.Id.GetHashCode(StringComparison.Ordinal)).Reverse();
        var second = Train(shuffled, Decisions.Reverse()).ToJson();

        Assert.Equal(first, second);
        Assert.Equal(first, RelevanceModel.FromJson(first).ToJson());   // what the store keeps reads back the same
    }

    [Fact]
    public void A_model_trained_on_rejections_demotes_a_similar_article_and_keeps_the_confirmed_kind_counted()
    {
        var model = Train(Corpus(), Decisions);
        var road = Road(9);
        var before = Theme(Matcher.Tag(road), "2.5");
        Assert.True(before.Counts);   // the rule alone counts it

        var after = Theme(model.Apply(road, Matcher.Tag(road)), "2.5");

        Assert.Equal(ThemeGrade.Mention, after.Grade);
        Assert.True(after.Relevance < model.DemoteBelow);
        Assert.Equal(before.Evidence, after.Evidence);   // still visible as a mention, with its evidence
        var session = Session(9);
        Assert.True(Theme(model.Apply(session, Matcher.Tag(session)), "2.5").Counts);
    }

    [Fact]
    public void A_confirmed_near_miss_teaches_the_model_to_count_a_similar_mention()
    {
        var model = Train(Corpus(), Decisions);
        var tribute = Tribute(9);
        Assert.Equal(ThemeGrade.Mention, Theme(Matcher.Tag(tribute), "2.7").Grade);

        var after = Theme(model.Apply(tribute, Matcher.Tag(tribute)), "2.7");

        Assert.Equal(ThemeGrade.Partial, after.Grade);
        Assert.True(after.Counts);
    }

    [Fact]
    public void A_coffee_article_with_a_passing_mention_of_the_day_is_not_promoted()
    {
        var model = Train(Corpus(), Decisions);
        var coffee = Article("coffee-x", "Giá cà phê tăng", Filler(3) + "\nThương lái nghỉ một buổi dịp Ngày Nhà giáo.\n" + Filler(4) + Filler(5));

        var match = Theme(model.Apply(coffee, Matcher.Tag(coffee)), "2.7");

        Assert.Equal(ThemeGrade.Mention, match.Grade);
    }

    [Fact]
    public void Without_a_model_for_the_theme_the_output_is_identical()
    {
        var model = Train(Corpus(), [new("road-1", "2.5", Relevant: false)]);   // a model for 2.5 only
        var tribute = Tribute(9);
        var plain = Matcher.Tag(tribute);

        var applied = model.Apply(tribute, plain);

        Assert.Same(plain, applied);
        Assert.Equal(JsonSerializer.Serialize(plain, ArticleJson.Options), JsonSerializer.Serialize(applied, ArticleJson.Options));
        Assert.DoesNotContain("relevance", JsonSerializer.Serialize(plain, ArticleJson.Options), StringComparison.Ordinal);
        Assert.Empty(Train(Corpus(), []).Themes);   // no decisions: no theme model, nothing to change
    }

    [Fact]
    public void A_grade_moves_only_in_a_direction_analysts_have_shown()
    {
        // Only confirmations: nothing can be demoted, however low the probability.
        var model = Train(Corpus(), [new("tribute-1", "2.7", Relevant: true), new("road-1", "2.5", Relevant: true)]);
        foreach (var road in Enumerable.Range(3, 3).Select(Road))
        {
            Assert.True(Theme(model.Apply(road, Matcher.Tag(road)), "2.5").Counts);
        }
    }

    [Fact]
    public void A_model_stored_with_the_first_features_is_not_applied_until_re_trained()
    {
        var model = Train(Corpus(), Decisions);
        var json = model.ToJson();
        Assert.Contains("\"features\":2", json, StringComparison.Ordinal);
        var old = RelevanceModel.FromJson(json.Replace("\"features\":2,", "", StringComparison.Ordinal));   // as stored before the second version
        var road = Road(9);
        var plain = Matcher.Tag(road);

        Assert.Equal(1, old.FeatureVersion);
        Assert.Same(plain, old.Apply(road, plain));
        Assert.Equal(ThemeGrade.Mention, Theme(model.Apply(road, plain), "2.5").Grade);
    }

    [Fact]
    public void A_theme_with_one_decision_leans_on_what_the_other_themes_decisions_taught()
    {
        // 2.7 has a single rejection; the shape of 2.5's rejected hits (evidence deep in a long text about something
        // else) is what 2.7's rejected hit shares, so a 2.7 hit of that shape is demoted and a 2.7 subject is kept.
        var articles = Corpus().Concat(Enumerable.Range(1, 6).Select(i => Article($"day-{i}", $"Ngày Nhà giáo ở trường số {i}",
            $"Học sinh tặng hoa thầy cô dịp Ngày Nhà giáo, nhà trường tổ chức lễ kỷ niệm Ngày Nhà giáo số {i}."))).ToList();
        var deep = Enumerable.Range(1, 4).Select(i => Article($"deep-{i}", $"Giá cà phê số {i} tăng mạnh",
            Filler(i) + Filler(i + 1) + $"\nMột đại biểu nhắc Quốc hội thông qua luật số {i} dịp Ngày Nhà giáo.\n" + Filler(i + 2))).ToList();
        var model = RelevanceTrainer.Train("w46", 3, Matcher, articles.Concat(deep),
            [.. deep.Take(3).Select(a => new FeedbackDecision(a.Id, "2.5", Relevant: false)), new("deep-4", "2.7", Relevant: false), new("day-1", "2.7", Relevant: true)]);

        var other = Article("deep-9", "Giá cà phê số 9 tăng mạnh", Filler(9) + Filler(10) + "\nThương lái nghỉ dịp Ngày Nhà giáo, học sinh tặng hoa.\n" + Filler(11));
        var day = Article("day-9", "Ngày Nhà giáo ở trường số 9", "Học sinh tặng hoa thầy cô dịp Ngày Nhà giáo, nhà trường tổ chức lễ kỷ niệm Ngày Nhà giáo số 9.");

        Assert.Equal(1, model.Themes["2.7"].Rejected);
        Assert.True(Theme(model.Apply(day, Matcher.Tag(day)), "2.7").Counts);
        var otherMatch = Theme(model.Apply(other, Matcher.Tag(other)), "2.7");
        Assert.True(otherMatch.Relevance < Theme(model.Apply(day, Matcher.Tag(day)), "2.7").Relevance);
    }
}
