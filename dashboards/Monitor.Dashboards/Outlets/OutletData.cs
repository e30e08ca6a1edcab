using Monitor.Dashboards.Overview;

namespace Monitor.Dashboards.Outlets;

/// <summary>One period of a quota for one outlet: what it asked, what was delivered in it, the newest of those articles
/// (at most <see cref="OutletPageBuilder.PeriodListed"/>) and the link to all of them.</summary>
public sealed record QuotaPeriod(string Label, DateOnly From, DateOnly To, bool Running, int Required, int Delivered, IReadOnlyList<ListedArticle> Articles, string Href);

/// <summary>A quota of the plan for the outlet, up to the as-of day, with its periods.</summary>
public sealed record OutletQuota(int Quota, string? Theme, string Rate, string Text, int Required, int Delivered, int Remaining, string Status, bool OnTrack,
    string Href, IReadOnlyList<QuotaPeriod> Periods);

/// <summary>A theme the outlet has published on (inside the theme's window, up to the as-of day), with the link to those articles.</summary>
public sealed record CoveredTheme(string Code, string Title, int Articles, string Href);

/// <summary>A theme already in force that the outlet has not covered; <c>Assigned</c> when the plan names the outlet for it.</summary>
public sealed record UncoveredTheme(string Code, string Title, bool Assigned, DateOnly? From, DateOnly? To);

/// <summary>Cơ quan báo chí: an outlet's quotas per period, the themes it covered and has not, its recent articles.</summary>
public sealed record OutletData(string Plan, int Version, string Title, string Outlet, DateOnly AsOf, IReadOnlyList<string> Outlets,
    IReadOnlyList<OutletQuota> Quotas, IReadOnlyList<CoveredTheme> Covered, IReadOnlyList<UncoveredTheme> Uncovered,
    DateOnly RecentFrom, IReadOnlyList<ListedArticle> Recent);
