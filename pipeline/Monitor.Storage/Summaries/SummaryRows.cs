namespace Monitor.Storage.Summaries;

/// <summary>A tagged article of a plan as the summaries read it: one row per theme, the day it counts on (Vietnamese).</summary>
public sealed record TaggedArticle(string Id, string Theme, string Outlet, string? Section, DateOnly Day);

/// <summary>What a list of articles shows: title, link (the canonical URL, without tracking parameters), publication time.</summary>
public sealed record ArticleHeading(string Id, string Outlet, string? Section, string Title, string Url, DateTimeOffset? Published);
