using System.Text.Json.Nodes;
using Monitor.Core.Articles;
using Monitor.Core.Learning;

namespace Monitor.Core.Tests.Learning;

/// <summary>Near misses are learnt in each theme's near-miss part alone: the weights every other pair reads (the bias,
/// the shared part, every theme's own part) are those of the learner without near misses, so turning near misses on
/// moves no counted hit, no mention and no other theme.</summary>
public sealed class NearMissIsolationTests
{
    private static readonly Monitor.Core.Tagging.PlanMatcher Matcher = LearningFixture.Matcher;

    private static Article Article(string id, string title, string text) => LearningFixture.Article(id, title, text);

    private static Article Day(int i) => Article($"day-{i}", $"Học sinh trường số {i} tri ân thầy cô dịp Ngày Nhà giáo",
        $"Học sinh tặng hoa, tri ân thầy cô nhân Ngày Nhà giáo, nhà trường tổ chức lễ kỷ niệm, tuyên dương nhà giáo tiêu biểu số {i}.");

    private static Article Honour(int i) => Article($"honour-{i}", $"Thành phố tuyên dương nhà giáo tiêu biểu lần {i}",
        $"Sáng nay, thành phố tuyên dương các nhà giáo tiêu biểu, tri ân thầy cô đã cống hiến cho sự nghiệp giáo dục, trao bằng khen cho nhà giáo có thành tích xuất sắc số {i}.");

    private static Article Law(int i) => Article($"law-{i}", $"Dự thảo luật về lương nhà giáo số {i}",
        $"Ban soạn thảo đề xuất bảng lương riêng cho nhà giáo, phụ cấp thâm niên, chính sách tuyển dụng và điều động nhà giáo, định mức biên chế số {i}. " + LearningFixture.Filler(i, 4));

    /// <summary>The session, "Quốc hội thông qua" in the title: counted for 2.5.</summary>
    private static Article Session(int i) => Article($"session-{i}", $"Quốc hội thông qua luật số {i}",
        $"Chiều nay, với đa số đại biểu tán thành, Quốc hội biểu quyết thông qua dự án luật về nhà giáo tại kỳ họp, điều khoản {i}.");

    /// <summary>A teacher's story that names the day once deep in the text: a mention of 2.7.</summary>
    private static Article Tribute(int i) => Article($"tribute-{i}", $"Cô giáo vùng cao số {i} bám bản dạy chữ",
        LearningFixture.Filler(i) + $"\nCô giáo cắm bản dạy học trò, học sinh tặng hoa cô giáo dịp Ngày Nhà giáo, nhà giáo vùng cao {i}.\n" + LearningFixture.Filler(i + 1));

    private static Article Coffee(int i) => Article($"coffee-{i}", $"Giá cà phê hôm nay số {i}", LearningFixture.Filler(i, 4));

    private static List<Article> Corpus() =>
    [
        .. Enumerable.Range(1, 6).Select(Day), .. Enumerable.Range(1, 3).Select(Honour), .. Enumerable.Range(1, 6).Select(Law),
        .. Enumerable.Range(1, 6).Select(Session), .. Enumerable.Range(1, 4).Select(Tribute), .. Enumerable.Range(1, 40).Select(Coffee),
    ];

    /// <summary>Decisions on both themes, among them additions of 2.7 on articles the matcher missed that hold its cue.</summary>
    private static readonly FeedbackDecision[] Decisions =
    [
        new("session-1", "2.5", Relevant: true),
        new("session-2", "2.5", Relevant: false),
        new("honour-1", "2.7", Relevant: true),
        new("honour-2", "2.7", Relevant: true),
        new("law-1", "2.7", Relevant: false),
        new("tribute-1", "2.7", Relevant: true),
    ];

    private static RelevanceModel Train(bool nearMisses) => RelevanceTrainer.Train("w46", 3, Matcher, Corpus(), Decisions,
        RelevanceOptions.Default with { MaxCues = nearMisses ? RelevanceOptions.Default.MaxCues : 0 });

    [Fact]
    public void Near_misses_on_or_off_the_bias_the_shared_part_and_every_themes_own_part_are_the_same_bit_for_bit()
    {
        var on = Train(nearMisses: true);
        var off = Train(nearMisses: false);

        Assert.NotNull(on.Themes["2.7"].NearCues);   // the premise: near misses were learnt
        Assert.NotEmpty(on.Themes["2.7"].NearWeights!);
        Assert.Equal(off.Shared.OrderBy(w => w.Key), on.Shared.OrderBy(w => w.Key));
        foreach (var code in new[] { "2.5", "2.7" })
        {
            Assert.Equal(off.Themes[code].Bias, on.Themes[code].Bias);
            Assert.Equal(off.Themes[code].Weights.OrderBy(w => w.Key), on.Themes[code].Weights.OrderBy(w => w.Key));
            Assert.Equal((off.Themes[code].SelfRelevant, off.Themes[code].SelfNot), (on.Themes[code].SelfRelevant, on.Themes[code].SelfNot));
        }
    }

    [Fact]
    public void Near_misses_on_or_off_every_pair_the_matcher_found_gets_the_same_grade_and_probability()
    {
        var on = Train(nearMisses: true);
        var off = Train(nearMisses: false);
        var articles = Corpus().Concat([Day(9), Session(9), Tribute(9), Law(9), Honour(9)]).ToList();

        var promoted = 0;
        foreach (var article in articles)
        {
            var found = Matcher.Tag(article);
            var (withNear, without) = (on.Apply(article, found), off.Apply(article, found));
            foreach (var match in found.Themes)
            {
                Assert.Equal(Assert.Single(without.Themes, t => t.Code == match.Code), Assert.Single(withNear.Themes, t => t.Code == match.Code));
            }

            // Only near misses are added, never one the matcher found.
            var added = withNear.Themes.Where(t => found.Themes.All(m => m.Code != t.Code)).ToList();
            Assert.All(added, t => Assert.Equal("2.7", t.Code));
            promoted += added.Count;
        }

        Assert.Contains(on.Apply(Honour(9), Matcher.Tag(Honour(9))).Themes, t => t.Code == "2.7");   // the premise: near misses do change output
        Assert.True(promoted > 0);
    }

    [Fact]
    public void The_near_miss_part_lowers_near_misses_like_the_rejected_and_undecided_ones_and_keeps_those_like_the_added_ones()
    {
        var model = Reread(Train(nearMisses: true), withNearWeights: true);
        var withoutPart = Reread(model, withNearWeights: false);

        double Near(RelevanceModel m, Article a) => Assert.Single(m.Apply(a, Matcher.Tag(a)).Themes, t => t.Code == "2.7").Relevance!.Value;

        // The other parts alone read a cue in the title as the matcher's title hits: likely, for the draft law too.
        Assert.True(Near(model, Law(9)) < Near(withoutPart, Law(9)));
        Assert.True(Near(model, Law(9)) < RelevanceOptions.Default.NearPromoteAbove);
        Assert.True(Near(model, Honour(9)) >= RelevanceOptions.Default.NearPromoteAbove);
    }

    [Fact]
    public void A_model_stored_before_the_near_miss_part_reads_and_scores_its_near_misses_with_the_other_parts()
    {
        var model = Train(nearMisses: true);
        var old = Reread(model, withNearWeights: false);

        Assert.Null(old.Themes["2.7"].NearWeights);
        Assert.Equal(model.Themes["2.7"].NearCues, old.Themes["2.7"].NearCues);
        foreach (var article in Corpus().Concat([Honour(9), Law(9), Tribute(9)]))
        {
            var result = old.Apply(article, Matcher.Tag(article));
            Assert.All(result.Themes.Where(t => t.Relevance is not null), t => Assert.InRange(t.Relevance!.Value, 0, 1));
        }

        Assert.DoesNotContain("near_weights", old.ToJson(), StringComparison.Ordinal);
        Assert.Contains("near_weights", model.ToJson(), StringComparison.Ordinal);
    }

    // The model as the store gives it back, every near miss shown (line near 0), and without the near-miss parts as
    // a model stored before them.
    private static RelevanceModel Reread(RelevanceModel model, bool withNearWeights)
    {
        var json = JsonNode.Parse(model.ToJson())!;
        json["near_promote_above"] = 1e-9;
        if (!withNearWeights)
        {
            foreach (var (_, theme) in json["themes"]!.AsObject())
            {
                theme!.AsObject().Remove("near_weights");
            }
        }

        return RelevanceModel.FromJson(json.ToJsonString());
    }
}
