using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Tagging;

public sealed class GradeTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê, giá tăng so với năm trước. ", 12));

    // A paragraph about the theme: two of its three sentences hold evidence.
    private const string Devoted = "Đất nước vào kỷ nguyên vươn mình, nông nghiệp Đắk Hà phải mạnh hơn nữa trong những năm tới đây. " +
        "Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê, giá tăng so với năm trước, nhiều hộ đã có lãi lớn. " +
        "Kỷ nguyên vươn mình đòi hỏi nông dân huyện Đắk Hà đổi mới cách làm ăn, liên kết với doanh nghiệp và hợp tác xã.";

    private static ThemeMatch Only(string title, string text, string? lead = null)
    {
        var theme = new Theme { Code = "2.4", Title = "kỷ nguyên vươn mình", Keywords = ["kỷ nguyên vươn mình"] };
        var article = new Article { Id = "a", Url = "", CanonicalUrl = "", Outlet = "Báo", Title = title, Description = lead, Text = text, ContentHash = "" };
        return Assert.Single(new PlanMatcher(new Plan { Id = "p", Themes = [theme] }).Tag(article).Themes);
    }

    [Fact]
    public void A_theme_in_the_title_is_the_articles_subject() =>
        Assert.Equal(ThemeGrade.Primary, Only("Bước vào kỷ nguyên vươn mình", Filler).Grade);

    [Fact]
    public void One_slogan_sentence_deep_in_a_long_article_about_something_else_is_a_mention_that_does_not_count()
    {
        var match = Only("Giá cà phê tăng", Filler + "\nĐất nước bước vào kỷ nguyên vươn mình của dân tộc.\n" + Filler + Filler);

        Assert.Equal(ThemeGrade.Mention, match.Grade);
        Assert.False(match.Counts);
        Assert.Single(match.Evidence);   // still visible, with its evidence
    }

    [Fact]
    public void The_theme_in_two_sentences_or_in_the_opening_or_in_a_substantial_paragraph_is_partial()
    {
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", Filler + "Kỷ nguyên vươn mình cần nông nghiệp mạnh. Cả tỉnh hướng tới kỷ nguyên vươn mình. ").Grade);
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", "Trong kỷ nguyên vươn mình, nông dân làm giàu. " + Filler).Grade);
        // 2 of 23 sentences (under a tenth), but their paragraph is devoted to the theme and is a sixth of the body.
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", Filler + "\n" + Devoted + "\n" + Filler[..(74 * 8)]).Grade);
    }

    [Fact]
    public void Two_sentences_of_a_long_text_about_something_else_are_a_mention()
    {
        var match = Only("Giá cà phê tăng", Filler + Filler + Filler + "Kỷ nguyên vươn mình cần nông nghiệp mạnh. Cả tỉnh hướng tới kỷ nguyên vươn mình. " + Filler + Filler);

        Assert.Equal(ThemeGrade.Mention, match.Grade);
        Assert.Equal(2, match.Evidence.Count);
    }

    [Fact]
    public void A_body_printed_as_one_paragraph_is_not_devoted_to_its_one_slogan() =>
        Assert.Equal(ThemeGrade.Mention, Only("Giá cà phê tăng", Filler + "Đất nước vào kỷ nguyên vươn mình. " + Filler).Grade);

    [Fact]
    public void The_theme_in_the_lead_and_again_in_the_body_is_primary_in_the_lead_alone_partial()
    {
        Assert.Equal(ThemeGrade.Primary, Only("Giá cà phê tăng", "Trong kỷ nguyên vươn mình, nông dân làm giàu. " + Filler, "Kỷ nguyên vươn mình của nông nghiệp.").Grade);
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", Filler, "Kỷ nguyên vươn mình của nông nghiệp.").Grade);
    }

    [Fact]
    public void Under_a_lead_about_something_else_only_the_bodys_first_sentence_states_the_subject()
    {
        // The second sentence of the opening is background to the story the lead announces; without a separate lead
        // the opening is the article's lead, so the same sentence counts there.
        const string lead = "Giá cà phê tăng, nông dân có lãi.";
        const string background = "Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê. Đây cũng là dịp đất nước vào kỷ nguyên vươn mình. ";

        Assert.Equal(ThemeGrade.Mention, Only("Giá cà phê tăng", background + Filler, lead).Grade);
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", "Trong kỷ nguyên vươn mình, nông dân làm giàu. " + Filler, lead).Grade);
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", background + Filler).Grade);
    }

    [Fact]
    public void Sentences_scattered_through_a_text_about_something_else_are_a_mention_neighbours_are_a_passage()
    {
        // 2 of 9 sentences either way (more than a tenth): three sentences between them, or one.
        const string lead = "Giá cà phê tăng, nông dân có lãi.";
        var scattered = Filler[..(74 * 2)] + "Đất nước vào kỷ nguyên vươn mình. " + Filler[..(74 * 3)] + "Kỷ nguyên vươn mình cần nông nghiệp mạnh. " + Filler[..(74 * 2)];
        var passage = Filler[..(74 * 3)] + "Đất nước vào kỷ nguyên vươn mình. " + Filler[..74] + "Kỷ nguyên vươn mình cần nông nghiệp mạnh. " + Filler[..(74 * 3)];

        Assert.Equal(ThemeGrade.Mention, Only("Giá cà phê tăng", scattered, lead).Grade);
        Assert.Equal(ThemeGrade.Partial, Only("Giá cà phê tăng", passage, lead).Grade);
    }
}
