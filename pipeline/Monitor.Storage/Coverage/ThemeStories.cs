using Monitor.Core.Tagging;

namespace Monitor.Storage.Coverage;

/// <summary>One article of a theme as a list shows it: the day is the Vietnamese day it counts on. A page of stories
/// also carries what its snippet is cut from: the theme's evidence in the article and the texts it points into.</summary>
public sealed record ThemeArticle(string Id, string Outlet, string Title, string Url, DateOnly Day, DateTimeOffset? Published)
{
    /// <summary>The theme's matched phrases in this article (none for a theme a person added).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>The lead (the evidence field "description").</summary>
    public string? Description { get; init; }

    /// <summary>The body (the evidence field "text").</summary>
    public string Text { get; init; } = "";
}

/// <summary>A story: the first article that carried it and the syndicated copies (near-duplicates) other outlets ran later.</summary>
public sealed record StoryGroup(ThemeArticle Original, IReadOnlyList<ThemeArticle> Copies);

/// <summary>Which stories of a theme to read: [offset, offset + limit) of them, newest first; without
/// <paramref name="WithText"/> the articles come without lead, body and evidence (a download's rows).</summary>
public sealed record StoryPage(int Offset, int Limit, bool WithText = true)
{
    /// <summary>Every story, with its texts.</summary>
    public static StoryPage All { get; } = new(0, int.MaxValue);
}

/// <summary>A page of a theme's stories in its window up to a day, newest original first (Vietnamese day, then id,
/// both descending), each with its copies oldest first; <see cref="Total"/> and <see cref="Copies"/> count every story
/// and copy of the theme, not only the page's.</summary>
public sealed record ThemeStories(string PlanId, int PlanVersion, string Code, string Title, DateOnly AsOf, int Total, int Copies, int Offset,
    IReadOnlyList<StoryGroup> Stories)
{
    /// <summary>Every article of the theme: the originals and their copies.</summary>
    public int Articles => Total + Copies;
}
