using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Tagging;

/// <summary>A title that names the theme in the words of its heading (the directive's title for it) makes the body's
/// evidence part of the story, not a passing mention (docs/tagging.md, "The title names the subject"). Invented
/// sentences, an invented plan.</summary>
public sealed class HeadingWordsTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("Người dân được khuyên chọn nguồn hàng rõ ràng, bảo quản đúng cách trong những ngày nắng nóng. ", 3));

    // The subject said in the body's fourth sentence, under a lead that does not name it.
    private static readonly string Body = Filler + "Năm nay tỉnh ghi nhận ba vụ ngộ độc thực phẩm do nấm độc. " + Filler;

    private static readonly Theme Food = new()
    {
        Code = "1.2", Title = "Tuyên truyền phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"],
        Rules = ["\"ngộ độc\" NEAR/8 (\"sau khi ăn\" OR \"thức ăn\")"],
    };

    private static string Grade(string title, ScoringOptions? options = null, params Theme[] themes)
    {
        var article = new Article { Id = "a", Url = "", CanonicalUrl = "", Outlet = "Báo", Title = title, Description = "Mùa mưa, nấm mọc nhiều trong rừng.", Text = Body, ContentHash = "" };
        var plan = new Plan { Id = "p", Themes = themes.Length == 0 ? [Food] : [.. themes] };
        return new PlanMatcher(plan, options ?? ScoringOptions.Default).Tag(article).Themes.Single(t => t.Code == "1.2").Grade;
    }

    [Fact]
    public void A_title_with_the_headings_words_that_the_theme_also_uses_makes_body_evidence_partial()
    {
        // "ngộ độc" is in the heading and in the theme's phrases; the title names the subject, the body says it in full.
        Assert.Equal(ThemeGrade.Partial, Grade("Cảnh báo ngộ độc do ăn nấm rừng"));
        Assert.Equal(ThemeGrade.Partial, Grade("CẢNH BÁO NGỘ ĐỘC DO ĂN NẤM RỪNG"));
    }

    [Fact]
    public void A_title_about_something_else_leaves_the_same_body_a_mention()
    {
        Assert.Equal(ThemeGrade.Mention, Grade("Mùa nấm rừng ở Tây Nguyên"));
        // One word of the pair is not the pair; heading words in no phrase of the theme are the directive's framing.
        Assert.Equal(ThemeGrade.Mention, Grade("Đội ngộ nhận thông tin độc quyền"));
        Assert.Equal(ThemeGrade.Mention, Grade("Tuyên truyền viên về bản làng"));
    }

    [Fact]
    public void Another_theme_that_is_the_articles_subject_keeps_the_title_rule_off()
    {
        var market = new Theme { Code = "9", Title = "Chợ phiên vùng cao", Keywords = ["nấm rừng", "ngộ độc do ăn nấm"] };

        Assert.Equal(ThemeGrade.Mention, Grade("Cảnh báo ngộ độc do ăn nấm rừng", null, Food, market));
    }

    [Fact]
    public void Switched_off_the_body_evidence_stays_a_mention() =>
        Assert.Equal(ThemeGrade.Mention, Grade("Cảnh báo ngộ độc do ăn nấm rừng", ScoringOptions.Default with { TitleNamesHeading = false }));
}
