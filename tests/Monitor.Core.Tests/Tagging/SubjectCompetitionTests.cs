using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Tagging;

/// <summary>One article, one subject: a theme whose evidence sits in another theme's sentences, or only in the
/// opening of an article that is about that other theme, is a mention (docs/tagging.md, "Another theme's subject").
/// Invented sentences, an invented plan.</summary>
public sealed class SubjectCompetitionTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("Các đại biểu nêu nhiều ý kiến về chính sách tiền lương và phụ cấp của ngành. ", 10));

    private static readonly Plan Plan = new()
    {
        Id = "p",
        Themes =
        [
            new Theme { Code = "session", Title = "Kỳ họp", Keywords = ["Quốc hội thảo luận", "dự thảo luật"] },
            new Theme { Code = "day", Title = "Ngày Nhà giáo", Keywords = ["Ngày Nhà giáo", "tri ân thầy cô"] },
        ],
    };

    private static IReadOnlyList<ThemeMatch> Tag(string title, string lead, string text) =>
        new PlanMatcher(Plan).Tag(new Article { Id = "a", Url = "", CanonicalUrl = "", Outlet = "Báo", Title = title, Description = lead, Text = text, ContentHash = "" }).Themes;

    private static string Grade(IReadOnlyList<ThemeMatch> themes, string code) => themes.Single(t => t.Code == code).Grade;

    [Fact]
    public void A_day_named_as_the_date_of_another_subjects_sentence_is_a_mention_of_the_day()
    {
        var themes = Tag("Quốc hội thảo luận dự thảo luật về lương",
            "Sáng 20-11, cũng nhằm Ngày Nhà giáo, Quốc hội thảo luận dự thảo luật về lương.",
            Filler);

        Assert.Equal(ThemeGrade.Primary, Grade(themes, "session"));
        Assert.Equal(ThemeGrade.Mention, Grade(themes, "day"));
        Assert.Contains(themes.Single(t => t.Code == "day").Evidence, e => e.Text == "Ngày Nhà giáo");   // still shown
    }

    [Fact]
    public void The_opening_of_an_article_about_another_subject_does_not_make_the_day_count()
    {
        // Without the session the same opening sentence makes the day partial (its opening); with the session the
        // subject of the article, the opening is the session's.
        var alone = Tag("Lương giáo viên", "Nhiều ý kiến về lương.", "Các đại biểu muốn tri ân thầy cô bằng tiền lương xứng đáng. " + Filler);
        var beside = Tag("Quốc hội thảo luận dự thảo luật về lương", "Quốc hội thảo luận dự thảo luật về lương.",
            "Các đại biểu muốn tri ân thầy cô bằng tiền lương xứng đáng. " + Filler);

        Assert.Equal(ThemeGrade.Partial, Grade(alone, "day"));
        Assert.Equal(ThemeGrade.Mention, Grade(beside, "day"));
    }

    [Fact]
    public void A_day_with_its_own_lead_sentence_still_counts_beside_another_subject()
    {
        var themes = Tag("Quốc hội thảo luận dự thảo luật về lương",
            "Quốc hội thảo luận dự thảo luật về lương. Buổi chiều, các trường tổ chức lễ kỷ niệm Ngày Nhà giáo.",
            Filler);

        Assert.Equal(ThemeGrade.Partial, Grade(themes, "day"));
    }

    [Fact]
    public void Only_a_theme_that_is_the_subject_takes_the_opening()
    {
        // The day is in the title: the article's subject. The session in the opening is then the day's frame.
        var themes = Tag("Tri ân thầy cô nhân Ngày Nhà giáo", "Học trò về thăm trường cũ.",
            "Hôm qua Quốc hội thảo luận dự thảo luật về lương. " + Filler);

        Assert.Equal(ThemeGrade.Primary, Grade(themes, "day"));
        Assert.Equal(ThemeGrade.Mention, Grade(themes, "session"));

        // Neither is the subject (one in the lead, one in the opening): both stay partial.
        var neither = Tag("Một ngày ở trường", "Học trò chuẩn bị Ngày Nhà giáo.", "Hôm qua Quốc hội thảo luận dự thảo luật về lương. " + Filler);

        Assert.Equal(ThemeGrade.Partial, Grade(neither, "day"));
        Assert.Equal(ThemeGrade.Partial, Grade(neither, "session"));
    }
}
