using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Text;

namespace Monitor.Core.Tests.Learning;

/// <summary>What counts as an occurrence of a near-miss cue (docs/tagging.md, "Near misses"): the cue's own words with
/// their accents, never inside a phrase the plan says is not the theme.</summary>
public sealed class CueTests
{
    private static readonly Theme Teachers = new()
    {
        Code = "2.7", Title = "Ngày Nhà giáo Việt Nam", Keywords = ["Ngày Nhà giáo"],
        Rules = ["(\"Nhà giáo\" EXCEPT \"Luật Nhà giáo\") NEAR/10 \"tôn vinh\""],
    };

    private static readonly Theme Renewal = new() { Code = "2.4", Title = "Kỷ nguyên mới", Keywords = ["40 năm đổi mới"] };

    private static ThemeMatch? Find(Theme theme, string title, string text) =>
        NearMisses.Find(LearningFixture.Article("a", title, text), theme.Code, NearMisses.Candidates(theme), new FoldedText?[3]);

    [Fact]
    public void An_occurrence_inside_the_themes_except_phrase_is_not_a_cue_hit()
    {
        var cues = NearMisses.Candidates(Teachers);

        Assert.Contains("nhà giáo", cues.Written);
        Assert.DoesNotContain("luật nhà", cues.Written);   // the EXCEPT side gives no cue either
        Assert.Null(Find(Teachers, "Quốc hội thảo luận dự thảo Luật Nhà giáo", "Đại biểu góp ý về Luật Nhà giáo, chính sách tiền lương."));
        var honour = Assert.Single(Find(Teachers, "Luật Nhà giáo và những nhà giáo tiêu biểu", "Không có gì thêm.")!.Evidence);
        Assert.Equal(("nhà giáo", "title"), (honour.Text, honour.Field));
    }

    [Fact]
    public void An_occurrence_inside_a_negated_or_an_exclusion_phrase_is_not_a_cue_hit_but_a_double_negation_gives_cues()
    {
        var theme = new Theme
        {
            Code = "1.2", Keywords = ["vụ ngộ độc thực phẩm"], Rules = ["\"ngộ độc\" NEAR/8 \"rượu\" AND NOT \"ngộ độc rượu giả\" AND NOT NOT title:\"an toàn thực phẩm\""],
            Exclude = ["\"ngộ độc\" NEAR/6 \"thuốc trừ sâu\" AND NOT \"ngộ độc thực phẩm\"", "\"ngộ độc khí\""],
        };
        var cues = NearMisses.Candidates(theme);

        Assert.Equal(["an toàn", "độc thực", "ngộ độc", "thực phẩm", "toàn thực", "vụ ngộ"], cues.Written);
        // The exclusion's "ngộ độc" is the cue itself and excludes nothing alone; what it negates is no mask.
        Assert.Equal(["ngo doc khi", "ngo doc ruou gia"], cues.Masks);
        Assert.Null(Find(theme, "Ba người ngộ độc khí than", "Hai người khác bị ngộ độc rượu giả."));
        Assert.Equal("Ngộ độc", Assert.Single(Find(theme, "Ngộ độc sau tiệc cưới", "Không có gì thêm.")!.Evidence).Text);
    }

    [Fact]
    public void No_near_miss_is_found_in_an_article_the_themes_exclusion_keeps_it_off()
    {
        var theme = new Theme { Code = "1.2", Keywords = ["vụ ngộ độc thực phẩm"], Exclude = ["\"ngộ độc\" NEAR/6 (\"thuốc diệt chuột\" OR \"thuốc trừ sâu\")", "date:2024-01-01.."] };
        var excluder = NearMisses.Excluder("1.2", theme.Exclude);
        ThemeMatch? Near(string title) =>
            NearMisses.Find(LearningFixture.Article("a", title, "Không có gì thêm."), "1.2", NearMisses.Candidates(theme), new FoldedText?[3], excluder: excluder);

        Assert.Null(Near("Hai trẻ nghi ngộ độc do ăn nhầm thuốc diệt chuột"));
        Assert.NotNull(Near("Ba người ngộ độc sau tiệc cưới"));
        Assert.Null(NearMisses.Excluder("1.2", ["date:2024-01-01.."]));   // no evidence of its own: not readable as a rule
    }

    [Fact]
    public void A_fold_collision_across_words_is_not_a_cue_hit_but_the_same_words_in_any_case_or_tone_placement_are()
    {
        var cues = NearMisses.Candidates(Renewal);

        Assert.Contains("năm đổi", cues.Written);
        // "Nam đối" (Việt Nam đối tác) folds to the key of "năm đổi" (40 năm đổi mới): another pair of words.
        Assert.Null(Find(Renewal, "Việt Nam đối tác tin cậy của Nhật Bản", "Việt Nam đối thoại với các nhà đầu tư."));
        Assert.Equal(["NĂM ĐỔI", "ĐỔI mới", "năm đổi", "đổi mới"], Find(Renewal, "Kỷ niệm 40 NĂM ĐỔI mới", "Sau 40 năm đổi mới, đất nước ...")!.Evidence.Select(e => e.Text));
        var peace = new Theme { Code = "x", Keywords = ["hòa bình thế giới"] };
        Assert.NotNull(Find(peace, "Vì hoà bình", "Không có gì thêm."));   // old and new tone placement
    }

    [Fact]
    public void A_cue_the_plan_writes_without_accents_is_compared_on_the_folded_key()
    {
        var theme = new Theme { Code = "x", Keywords = ["ngay nha giao"] };

        Assert.NotNull(Find(theme, "Tuyên dương nhà giáo tiêu biểu", "Không có gì thêm."));
    }

    [Fact]
    public void A_model_keeps_the_masks_of_its_cues_and_a_near_miss_inside_one_is_not_promoted()
    {
        var plan = new Plan { Id = "w46", Themes = [Teachers] };
        var matcher = new PlanMatcher(plan);
        Article Honour(int i) => LearningFixture.Article($"honour-{i}", $"Thành phố tuyên dương nhà giáo tiêu biểu lần {i}",
            $"Sáng nay, thành phố tuyên dương các nhà giáo tiêu biểu, tri ân thầy cô, trao bằng khen cho nhà giáo số {i}.");
        Article Day(int i) => LearningFixture.Article($"day-{i}", $"Học sinh trường số {i} tri ân thầy cô dịp Ngày Nhà giáo",
            $"Nhân Ngày Nhà giáo, nhà trường tôn vinh nhà giáo tiêu biểu số {i}.");
        var articles = Enumerable.Range(1, 6).Select(Day).Concat(Enumerable.Range(1, 3).Select(Honour))
            .Concat(Enumerable.Range(1, 30).Select(i => LearningFixture.Article($"coffee-{i}", $"Giá cà phê số {i}", LearningFixture.Filler(i, 4)))).ToList();
        var model = RelevanceTrainer.Train("w46", 1, matcher, articles, [new("honour-1", "2.7", true), new("honour-2", "2.7", true), new("honour-3", "2.7", true)]);
        // Worded like the honoured ones, but its only "nhà giáo" is the law's.
        var law = LearningFixture.Article("law", "Thành phố tuyên dương, tri ân thầy cô; Luật Nhà giáo có hiệu lực",
            "Sáng nay, thành phố tuyên dương, tri ân thầy cô, trao bằng khen; Luật Nhà giáo có hiệu lực từ năm sau.");

        Assert.Equal(["luat nha giao"], model.Themes["2.7"].NearExcept);
        Assert.Contains(model.Apply(Honour(9), matcher.Tag(Honour(9))).Themes, t => t.Code == "2.7");
        Assert.DoesNotContain(model.Apply(law, matcher.Tag(law)).Themes, t => t.Code == "2.7");
        Assert.Equal(model.ToJson(), RelevanceModel.FromJson(model.ToJson()).ToJson());
    }

    [Fact]
    public void A_piece_that_straddles_two_words_of_a_phrase_is_not_a_word_unit_and_a_phrase_of_two_words_is_one()
    {
        var units = new WordUnits(["ngo doc thuc pham", "tri an"]);
        units.Add("vu ngo doc thuc pham o truong hoc");
        units.Add("ngo doc ruou va ngo doc nam thuc pham ban");

        Assert.Equal(["ngo doc", "thuc pham", "tri an"], units.Units().Order(StringComparer.Ordinal));
    }
}
