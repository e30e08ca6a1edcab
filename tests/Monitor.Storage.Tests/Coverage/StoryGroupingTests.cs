using Monitor.Storage.Coverage;

namespace Monitor.Storage.Tests.Coverage;

/// <summary>The grouping rule itself, which both stores share.</summary>
public sealed class StoryGroupingTests
{
    [Fact]
    public void A_copy_of_a_copy_is_filed_under_the_first_article_of_the_story()
    {
        static ThemeArticle At(string id, int day) => new(id, "o" + id, "Tin " + id, "https://x.vn/" + id, new DateOnly(2024, 11, day), null);
        var articles = new[] { At("z", 14), At("x", 12), At("y", 13), At("w", 13) };

        var stories = CoverageRules.GroupStories(articles, [("z", "y"), ("x", "y")]);

        Assert.Equal(["x", "w"], stories.Select(s => s.Original.Id));
        Assert.Equal(["y", "z"], stories[0].Copies.Select(c => c.Id));
    }
}
