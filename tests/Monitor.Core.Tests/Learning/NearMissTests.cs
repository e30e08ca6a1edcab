using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Learning;

/// <summary>Near misses: articles the matcher did not tag that hold a cue of the theme (a two-word piece of its own
/// phrases). Analysts' "added" decisions on such articles teach the model to promote the ones like them to partial,
/// with the cue as evidence; without such decisions nothing is looked for and nothing changes.</summary>
public sealed class NearMissTests
{
    private static readonly PlanMatcher Matcher = LearningFixture.Matcher;

    private static string Filler(int i) => LearningFixture.Filler(i, 4);

    private static Article Article(string id, string title, string text) => LearningFixture.Article(id, title, text);

    private static Article Day(int i) => LearningFixture.Day(i);

    private static Article Honour(int i) => LearningFixture.Honour(i);

    private static Article Law(int i) => LearningFixture.Law(i);

    private static Article Coffee(int i) => Article($"coffee-{i}", $"Giá cà phê hôm nay số {i}", Filler(i));

    private static List<Article> Corpus() =>
        [.. Enumerable.Range(1, 6).Select(Day), .. Enumerable.Range(1, 3).Select(Honour), .. Enumerable.Range(1, 6).Select(Law), .. Enumerable.Range(1, 40).Select(Coffee)];

    private static readonly FeedbackDecision[] Added =
    [
        new("honour-1", "2.7", Relevant: true),
        new("honour-2", "2.7", Relevant: true),
        new("honour-3", "2.7", Relevant: true),
        new("law-1", "2.7", Relevant: false),
    ];

    private static RelevanceModel Train(IEnumerable<Article> articles, IEnumerable<FeedbackDecision> decisions) =>
        RelevanceTrainer.Train("w46", 3, Matcher, articles, decisions);

    [Fact]
    public void Cues_are_two_word_pieces_of_the_themes_own_phrases_and_rules_as_written_without_dates()
    {
        var theme = new Theme { Code = "x", Keywords = ["Ngày Nhà giáo"], Rules = ["\"20-11\" NEAR/5 (\"tri ân\" OR \"thầy cô giáo\")"] };

        Assert.Equal(["cô giáo", "ngày nhà", "nhà giáo", "thầy cô", "tri ân"], NearMisses.Candidates(theme).Written);
    }

    [Fact]
    public void An_added_article_the_matcher_missed_teaches_the_model_to_promote_a_similar_near_miss_with_its_cue_as_evidence()
    {
        var model = Train(Corpus(), Added);
        var honour = Honour(9);
        var plain = Matcher.Tag(honour);
        Assert.DoesNotContain(plain.Themes, t => t.Code == "2.7");

        var after = Assert.Single(model.Apply(honour, plain).Themes, t => t.Code == "2.7");

        Assert.Equal(3, model.Themes["2.7"].Near);
        Assert.Contains("nhà giáo", model.Themes["2.7"].NearCues!);
        Assert.Equal(ThemeGrade.Partial, after.Grade);
        Assert.True(after.Relevance >= model.NearPromoteAbove);
        Assert.Contains(after.Evidence, e => e.Field == "title" && e.Text == "nhà giáo" && honour.Title[e.Start..e.End] == "nhà giáo");
        Assert.Contains(after.Evidence, e => e.Field == "text" && honour.Text![e.Start..e.End] == e.Text);
    }

    [Fact]
    public void A_near_miss_unlike_the_added_ones_is_not_promoted()
    {
        var model = Train(Corpus(), Added);
        var law = Law(9);

        Assert.DoesNotContain(model.Apply(law, Matcher.Tag(law)).Themes, t => t.Code == "2.7");
    }

    [Fact]
    public void Without_an_added_near_miss_no_cue_is_kept_and_the_output_and_the_stored_model_are_as_before()
    {
        // Decisions on what the matcher found only (and an addition without any cue): no near misses.
        var model = Train(Corpus(), [new("day-1", "2.7", Relevant: true), new("law-1", "2.7", Relevant: false), new("coffee-1", "2.7", Relevant: true)]);
        var honour = Honour(9);
        var plain = Matcher.Tag(honour);

        Assert.Null(model.Themes["2.7"].NearCues);
        Assert.Equal(0, model.NearPromoteAbove);
        Assert.DoesNotContain("near", model.ToJson(), StringComparison.Ordinal);
        Assert.Same(plain, model.Apply(honour, plain));
        Assert.Equal(JsonSerializer.Serialize(plain, ArticleJson.Options), JsonSerializer.Serialize(model.Apply(honour, plain), ArticleJson.Options));
    }

    [Fact]
    public void A_model_with_near_misses_is_the_same_bit_for_bit_from_the_same_inputs_in_any_order_and_reads_back_the_same()
    {
        var first = Train(Corpus(), Added).ToJson();
        var second = Train(Corpus().OrderBy(a => a.Id.GetHashCode(StringComparison.Ordinal)).Reverse(), Added.Reverse()).ToJson();

        Assert.Equal(first, second);
        Assert.Contains("\"near_cues\"", first, StringComparison.Ordinal);
        var read = RelevanceModel.FromJson(first);
        Assert.Equal(first, read.ToJson());
        var honour = Honour(9);
        Assert.Equal(JsonSerializer.Serialize(Train(Corpus(), Added).Apply(honour, Matcher.Tag(honour)), ArticleJson.Options),
            JsonSerializer.Serialize(read.Apply(honour, Matcher.Tag(honour)), ArticleJson.Options));
    }

    [Fact]
    public void A_near_miss_of_a_theme_about_a_province_is_promoted_only_in_an_article_anchored_there()
    {
        var plan = new Plan { Id = "kt", Themes = [new Theme { Code = "2.7", Title = "Ngày Nhà giáo", Keywords = ["Ngày Nhà giáo"], Scope = "Kon Tum" }] };
        var matcher = new PlanMatcher(plan);
        static Article InKonTum(Article a) => a with { Text = a.Text + " Tin từ tỉnh Kon Tum." };
        var articles = Corpus().Select(a => a.Id.StartsWith("law", StringComparison.Ordinal) || a.Id.StartsWith("coffee", StringComparison.Ordinal) ? a : InKonTum(a)).ToList();
        var model = RelevanceTrainer.Train("kt", 1, matcher, articles, Added);
        var there = InKonTum(Honour(9));
        var elsewhere = Honour(9);

        Assert.Equal("Kon Tum", model.Themes["2.7"].NearScope);
        Assert.Contains(model.Apply(there, matcher.Tag(there)).Themes, t => t.Code == "2.7" && t.Grade == ThemeGrade.Partial);
        Assert.Empty(model.Apply(elsewhere, matcher.Tag(elsewhere)).Themes);
    }
}
