using Monitor.Core.Tagging;

namespace Monitor.Storage.Coverage;

/// <summary>One article as a list shows it, with the plan's themes it counts for (Day: the Vietnamese day, yyyy-MM-dd).</summary>
public sealed record ListedArticle(string Id, string Title, string Outlet, string? Section, string Day, string Url, IReadOnlyList<string> Themes);

/// <summary>One stored theme of an article: plan, version it was tagged with, theme, score, evidence (empty for a theme
/// a person added), grade (primary or partial; for a passing mention, "mention").</summary>
public sealed record StoredTag(string Plan, int Version, string Theme, double Score, IReadOnlyList<Evidence> Evidence, string Grade = ThemeGrade.Primary);

/// <summary>An earlier version of a changed article.</summary>
public sealed record ArticleChange(int Version, string PreviousTitle, string ChangedAt);

/// <summary>A near-duplicate of an article (either direction of the crawler's link), with the SimHash distance.</summary>
public sealed record Duplicate(string Id, string Title, string Outlet, int Distance);
