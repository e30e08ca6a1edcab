using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Tagging;

public sealed class PlanMatcherTests
{
    private static readonly Plan Plan = new()
    {
        Id = "test",
        Themes =
        [
            new Theme { Code = "1.2", Title = "Phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm", "an toàn thực phẩm"] },
            new Theme { Code = "2.7", Title = "Các ngày kỷ niệm", Keywords = ["Ngày Nhà giáo Việt Nam", "Quân đội nhân dân Việt Nam"] },
            new Theme { Code = "2.6", Title = "Tập kết ra Bắc", Keywords = ["tập kết ra Bắc"] },
            new Theme { Code = "2.1", Title = "Quy chế bầu cử trong Đảng", Keywords = ["quy chế bầu cử"], References = ["190-QĐ/TW", "155-KH/TU"] },
        ],
    };

    private static Article Article(string title, string text, string? description = null) => new()
    {
        Id = "a1", Url = "https://x.vn/a", CanonicalUrl = "https://x.vn/a", Outlet = "Báo Kon Tum", Title = title, Description = description,
        Text = text, ContentHash = "h",
    };

    [Fact]
    public void An_article_matches_a_theme_whose_phrase_its_text_contains_with_evidence_as_written()
    {
        var text = "Sở Y tế khuyến cáo người dân phòng tránh NGỘ ĐỘC THỰC PHẨM trong dịp cuối năm.";
        var result = new PlanMatcher(Plan).Tag(Article("Tin y tế", text));

        var theme = Assert.Single(result.Themes);
        Assert.Equal("1.2", theme.Code);
        var evidence = Assert.Single(theme.Evidence);
        Assert.Equal("NGỘ ĐỘC THỰC PHẨM", evidence.Text);
        Assert.Equal(evidence.Text, text[evidence.Start..evidence.End]);
        Assert.Equal("text", evidence.Field);
    }

    [Fact]
    public void Unaccented_text_matches_accented_keywords()
    {
        var result = new PlanMatcher(Plan).Tag(Article("Ky niem Ngay Nha giao Viet Nam 20/11", "Nhieu hoat dong tri an thay co."));
        Assert.Equal("2.7", Assert.Single(result.Themes).Code);
    }

    [Fact]
    public void A_phrase_inside_a_longer_word_does_not_match()
    {
        // "an toan thuc phamx" is not the phrase; whole words only.
        var result = new PlanMatcher(Plan).Tag(Article("Tin", "Đề án toàn thực phẩmx mới."));
        Assert.Empty(result.Themes);
    }

    [Fact]
    public void An_article_without_any_phrase_has_no_themes()
    {
        var result = new PlanMatcher(Plan).Tag(Article("Thu hoạch cà phê", "Nông dân Đắk Hà thu hoạch cà phê vụ mới."));
        Assert.Empty(result.Themes);
    }

    [Fact]
    public void A_title_hit_scores_higher_than_a_body_hit_and_several_themes_can_match()
    {
        var result = new PlanMatcher(Plan).Tag(Article("Ngày Nhà giáo Việt Nam ở vùng cao",
            "Thầy cô kể chuyện cán bộ tập kết ra Bắc năm 1954. Chúc mừng Ngày Nhà giáo Việt Nam."));

        Assert.Equal(["2.7", "2.6"], result.Themes.Select(t => t.Code));
        // Title 3; the repeat of the same phrase in the body adds half its body weight (0.8..2 by position).
        Assert.InRange(result.Themes[0].Score, 3.4, 4.0);
        Assert.InRange(result.Themes[1].Score, 1.0, 2.0);
    }

    [Fact]
    public void An_article_citing_a_document_the_theme_rests_on_counts_toward_it_even_when_written_damaged()
    {
        var text = "Hội nghị quán triệt Quyết định số 190-QĐ/TW và Kế hoạch số 155KH/TU của Tỉnh ủy.";
        var result = new PlanMatcher(Plan).Tag(Article("Hội nghị cán bộ", text));

        var theme = Assert.Single(result.Themes);
        Assert.Equal("2.1", theme.Code);
        Assert.Equal(["190-QĐ/TW", "155KH/TU"], theme.Evidence.Select(e => e.Text));
        Assert.Equal(["190-QĐ/TW", "155-KH/TU"], result.References);
    }

    [Fact]
    public void Overlapping_phrases_are_all_found_in_one_pass()
    {
        var automaton = new PhraseAutomaton(["ngo doc", "ngo doc thuc pham", "thuc pham"]);
        var found = new List<(int, int, int)>();
        automaton.Match("phong ngo doc thuc pham", (id, s, e) => found.Add((id, s, e)));
        Assert.Equal([(0, 6, 13), (1, 6, 23), (2, 14, 23)], found.OrderBy(f => f.Item1));
    }

    [Fact]
    public void Occurrences_carry_their_word_positions_for_NEAR()
    {
        var automaton = new PhraseAutomaton(["ngo doc", "thuc pham"]);
        var found = new List<PhraseOccurrence>();
        automaton.Match("vu ngo doc do thuc pham", found);
        Assert.Equal([new PhraseOccurrence(0, 3, 10, 1, 2), new PhraseOccurrence(1, 14, 23, 4, 5)], found);
    }
}
