using System.Text;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Text;

namespace Monitor.Core.Tests.Tagging;

public sealed class RuleMatchingTests
{
    private static Article Article(string title, string text, string? description = null) => new()
    {
        Id = "a1", Url = "https://x.vn/a", CanonicalUrl = "https://x.vn/a", Outlet = "Báo Kon Tum", Title = title, Description = description,
        Text = text, ContentHash = "h",
    };

    private static IReadOnlyList<ThemeMatch> Tag(Theme theme, Article article) =>
        new PlanMatcher(new Plan { Id = "p", Themes = [theme] }).Tag(article).Themes;

    private static Theme Theme(params string[] rules) => new() { Code = "1.2", Title = "t", Rules = [.. rules] };

    [Fact]
    public void OR_AND_and_NOT_combine_phrases()
    {
        var theme = Theme("\"ngộ độc thực phẩm\" OR (\"an toàn thực phẩm\" AND NOT \"quảng cáo\")");

        Assert.Single(Tag(theme, Article("Kiểm tra an toàn thực phẩm ở chợ", "")));
        Assert.Empty(Tag(theme, Article("Quảng cáo sai về an toàn thực phẩm", "")));
        Assert.Single(Tag(theme, Article("Quảng cáo thuốc gây ngộ độc thực phẩm", "")));
    }

    [Fact]
    public void EXCEPT_keeps_the_occurrences_of_a_phrase_that_lie_outside_a_longer_one()
    {
        var theme = Theme("(\"nhà giáo\" EXCEPT (\"Luật Nhà giáo\" OR \"sáng 20-11\")) NEAR/6 (\"tri ân\" OR \"chúc mừng\")");

        Assert.Single(Tag(theme, Article("Học trò tri ân nhà giáo", "")));
        Assert.Empty(Tag(theme, Article("Dự thảo Luật Nhà giáo tri ân người đứng lớp", "")));
        // The law is named, and the teachers too: the teachers' occurrence counts.
        Assert.Single(Tag(theme, Article("Luật Nhà giáo được thông qua, các nhà giáo được chúc mừng", "")));
        var dated = Theme("(\"20-11\" EXCEPT \"sáng 20-11\") NEAR/6 \"chào mừng\"");
        Assert.Empty(Tag(dated, Article("Sáng 20-11, tỉnh khánh thành cầu, chào mừng khách", "")));
        Assert.Single(Tag(dated, Article("Hoạt động chào mừng 20-11", "")));
    }

    [Fact]
    public void NEAR_counts_the_words_between_two_phrases_in_either_order_within_one_field()
    {
        var theme = Theme("\"xe điện\" NEAR/3 \"cháy\"");

        Assert.Single(Tag(theme, Article("Xe điện bất ngờ bốc cháy", "")));          // 2 words between
        Assert.Single(Tag(theme, Article("Cháy lớn: xe điện trong hầm", "")));      // 0 words between, reversed
        Assert.Empty(Tag(theme, Article("Xe điện mới ra mắt thị trường, không cháy", "")));  // 6 words between
        Assert.Empty(Tag(theme, Article("Xe điện", "Cháy rừng ở Kon Plông.")));   // different fields
    }

    [Fact]
    public void A_field_restriction_only_looks_at_that_field()
    {
        var theme = Theme("title:\"Quốc hội\" AND \"kỳ họp\"");

        Assert.Single(Tag(theme, Article("Quốc hội thảo luận", "Tại kỳ họp thứ 8, các đại biểu ...")));
        Assert.Empty(Tag(theme, Article("Tin trong ngày", "Quốc hội bàn tại kỳ họp thứ 8.")));
    }

    [Fact]
    public void An_exclusion_keeps_the_theme_off_whatever_else_matched()
    {
        var theme = new Theme { Code = "1.2", Title = "t", Keywords = ["ngộ độc"], Exclude = ["methanol", "title:\"thuốc diệt chuột\""] };

        Assert.Single(Tag(theme, Article("Ngộ độc sau bữa cỗ", "")));
        Assert.Empty(Tag(theme, Article("Ngộ độc rượu", "Rượu pha METHANOL.")));
        Assert.Empty(Tag(theme, Article("Trẻ ăn nhầm thuốc diệt chuột bị ngộ độc", "")));
        Assert.Single(Tag(theme, Article("Ngộ độc sau bữa cỗ", "Không phải do thuốc diệt chuột.")));
    }

    [Fact]
    public void A_minimum_of_evidence_needs_that_many_separate_mentions()
    {
        var theme = new Theme { Code = "1.2", Title = "t", Keywords = ["ngộ độc", "ngộ độc thực phẩm"], MinEvidence = 2 };

        // "ngộ độc" inside "ngộ độc thực phẩm" is one mention, not two.
        Assert.Empty(Tag(theme, Article("Phòng ngộ độc thực phẩm", "")));
        var two = Assert.Single(Tag(theme, Article("Phòng ngộ độc thực phẩm", "Ba người bị ngộ độc.")));
        Assert.Equal(["ngộ độc thực phẩm", "ngộ độc"], two.Evidence.Select(e => e.Text));
    }

    [Fact]
    public void A_rule_is_evidence_alongside_keywords_which_stay_ORed()
    {
        var theme = new Theme { Code = "2.5", Title = "t", Keywords = ["kỳ họp thứ 8"], Rules = ["\"Quốc hội\" NEAR/2 \"thông qua\""] };

        var both = Assert.Single(Tag(theme, Article("Quốc hội đã thông qua luật", "Kỳ họp thứ 8 bế mạc.")));
        Assert.Equal(["Quốc hội", "thông qua", "Kỳ họp thứ 8"], both.Evidence.Select(e => e.Text));
        Assert.Single(Tag(theme, Article("Bế mạc kỳ họp thứ 8", "")));
    }

    [Fact]
    public void Early_and_title_evidence_outweighs_a_late_passing_mention_and_repeats_saturate()
    {
        var theme = new Theme { Code = "1.2", Title = "t", Keywords = ["ngộ độc thực phẩm"] };
        var filler = string.Concat(Enumerable.Repeat("Nông dân thu hoạch cà phê. ", 250));   // 6,750 characters

        Assert.Empty(Tag(theme, Article("Tin nông nghiệp", filler + "Lưu ý ngộ độc thực phẩm.")));
        Assert.Single(Tag(theme, Article("Tin nông nghiệp", "Ngộ độc thực phẩm ở Kon Tum. " + filler)));
        var title = Assert.Single(Tag(theme, Article("Ngộ độc thực phẩm", filler)));
        Assert.Equal(3, title.Score);

        var repeated = Assert.Single(Tag(theme, Article("Ngộ độc thực phẩm", string.Concat(Enumerable.Repeat("ngộ độc thực phẩm. ", 30)))));
        Assert.InRange(repeated.Score, 3, 6);   // 30 repeats: never more than twice the strongest hit
        Assert.Equal(31, repeated.Evidence.Count);
    }

    [Fact]
    public void Evidence_offsets_highlight_the_original_text_written_in_NFD_with_either_tone_placement()
    {
        var theme = new Theme { Code = "1.3", Title = "t", Keywords = ["hòa hoãn", "thủy điện", "bàn về"], Rules = ["\"hoà giải\" NEAR/1 \"thuỷ lợi\""] };
        var text = "Nhà máy THUỶ ĐIỆN. Bàn về hoà hoãn; hòa giải thủy lợi.".Normalize(NormalizationForm.FormD);

        var match = Assert.Single(Tag(theme, Article("Tin", text)));

        Assert.All(match.Evidence, e => Assert.Equal(e.Text, text[e.Start..e.End]));
        Assert.All(match.Evidence, e => Assert.Equal("text", e.Field));
        Assert.Equal(["thuy dien", "ban ve", "hoa hoan", "hoa giai", "thuy loi"], match.Evidence.Select(e => VietnameseFolding.Key(e.Text)));
        // The highlight keeps the combining marks of its last letter: "về" ends with U+0302 U+0300 in NFD.
        Assert.Equal("Bàn về".Normalize(NormalizationForm.FormD), match.Evidence[1].Text);
    }

    [Fact]
    public void A_rule_that_cannot_be_read_stops_the_plan_with_the_theme_and_the_column()
    {
        var e = Assert.Throws<PlanFormatException>(() => new PlanMatcher(new Plan { Themes = [Theme("\"a\" AND (\"b\"")] }));
        Assert.Contains("chủ đề '1.2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("cột 9", e.Message, StringComparison.Ordinal);
    }
}
