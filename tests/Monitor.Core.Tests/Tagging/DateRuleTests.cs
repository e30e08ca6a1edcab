using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Tagging.Rules;

namespace Monitor.Core.Tests.Tagging;

/// <summary><c>date:FROM..TO</c> in a rule: an event theme's actors and actions count only inside its window.</summary>
public sealed class DateRuleTests
{
    private const string SessionRule = "\"Quốc hội\" NEAR/8 (\"thông qua\" OR \"biểu quyết\" OR \"chốt\") AND date:2024-10-21..2024-11-30";

    private static Article Article(string title, DateTimeOffset? published) => new()
    {
        Id = "a1", Url = "https://x.vn/a", CanonicalUrl = "https://x.vn/a", Outlet = "Tuổi Trẻ", Title = title, Text = "",
        ContentHash = "h", Published = published,
    };

    private static IReadOnlyList<ThemeMatch> Tag(string rule, Article article) =>
        new PlanMatcher(new Plan { Id = "p", Themes = [new Theme { Code = "2.5", Title = "t", Rules = [rule] }] }).Tag(article).Themes;

    [Fact]
    public void An_article_with_the_actor_and_the_action_inside_the_window_counts()
    {
        var found = Tag(SessionRule, Article("Quốc hội chốt duy trì mức đóng kinh phí công đoàn 2%", new DateTimeOffset(2024, 11, 27, 10, 0, 0, TimeSpan.FromHours(7))));

        var theme = Assert.Single(found);
        Assert.True(theme.Counts);
        Assert.Equal(["Quốc hội", "chốt"], theme.Evidence.Select(e => e.Text));   // the date gives no evidence
    }

    [Fact]
    public void The_same_article_outside_the_window_or_without_a_date_does_not()
    {
        Assert.Empty(Tag(SessionRule, Article("Quốc hội chốt duy trì mức đóng kinh phí công đoàn 2%", new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.FromHours(7)))));
        Assert.Empty(Tag(SessionRule, Article("Quốc hội chốt duy trì mức đóng kinh phí công đoàn 2%", null)));
    }

    [Fact]
    public void The_window_is_read_in_Vietnamese_days_with_both_ends_included()
    {
        // 30 Nov 23:30 in Hà Nội is 16:30 UTC the same day; 1 Dec 00:30 in Hà Nội is still 30 Nov in UTC.
        Assert.Single(Tag(SessionRule, Article("Quốc hội biểu quyết thông qua luật", new DateTimeOffset(2024, 11, 30, 16, 30, 0, TimeSpan.Zero))));
        Assert.Empty(Tag(SessionRule, Article("Quốc hội biểu quyết thông qua luật", new DateTimeOffset(2024, 11, 30, 17, 30, 0, TimeSpan.Zero))));
        Assert.Single(Tag(SessionRule, Article("Quốc hội biểu quyết thông qua luật", new DateTimeOffset(2024, 10, 21, 0, 0, 0, TimeSpan.FromHours(7)))));
    }

    [Fact]
    public void Open_ends_and_single_days_are_read()
    {
        var day = new DateTimeOffset(2024, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.Single(Tag("\"tri ân\" AND date:2024-11-06..", Article("Tri ân thầy cô", day)));
        Assert.Single(Tag("\"tri ân\" AND date:..2024-11-20", Article("Tri ân thầy cô", day)));
        Assert.Single(Tag("\"tri ân\" AND date:2024-11-20", Article("Tri ân thầy cô", day)));
        Assert.Empty(Tag("\"tri ân\" AND date:2024-11-21..", Article("Tri ân thầy cô", day)));
        Assert.Empty(Tag("\"tri ân\" AND NOT date:2024-11-06..2024-11-23", Article("Tri ân thầy cô", day)));
    }

    [Theory]
    [InlineData("\"tri ân\" AND date:2024-11-32..", "không phải ngày", 14)]
    [InlineData("\"tri ân\" AND date:..", "ít nhất một đầu", 14)]
    [InlineData("\"tri ân\" AND date:2024-12-01..2024-11-01", "ngày đầu sau ngày cuối", 14)]
    [InlineData("title:(\"x\" AND date:2024-11-01..)", "không nằm trong giới hạn trường", 16)]
    [InlineData("date:2024-11-01..2024-11-30", "ít nhất một cụm từ bắt buộc", 1)]
    public void A_date_that_cannot_be_read_or_stands_alone_is_refused(string rule, string message, int column)
    {
        var error = RuleSyntax.Check(rule, exclusion: false);

        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void A_date_alone_may_be_an_exclusion() =>
        Assert.Null(RuleSyntax.Check("date:..2024-10-01", exclusion: true));
}
