namespace Monitor.Storage.Coverage;

/// <summary>One article of a theme as a list shows it: the day is the Vietnamese day it counts on.</summary>
public sealed record ThemeArticle(string Id, string Outlet, string Title, string Url, DateOnly Day, DateTimeOffset? Published);

/// <summary>A story: the first article that carried it and the syndicated copies (near-duplicates) other outlets ran later.</summary>
public sealed record StoryGroup(ThemeArticle Original, IReadOnlyList<ThemeArticle> Copies);

/// <summary>A theme's articles in its window up to a day, with the copies grouped under their original.</summary>
public sealed record ThemeStories(string PlanId, int PlanVersion, string Code, string Title, DateOnly AsOf, IReadOnlyList<StoryGroup> Stories)
{
    public int Articles => Stories.Sum(s => 1 + s.Copies.Count);

    public int Copies => Stories.Sum(s => s.Copies.Count);
}
