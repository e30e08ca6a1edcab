namespace Monitor.Storage.Coverage;

/// <summary>What is wrong with a theme's coverage so far.</summary>
public enum GapKind
{
    None,
    NotStarted,
    Uncovered,
    SingleOutlet,
}

/// <summary>One theme's coverage so far in its window: who covered it, when first, and the health of the outlets missing.</summary>
/// <param name="Stories">Articles less the syndicated copies of an earlier article of the theme (near-duplicates).</param>
/// <param name="LatencyDays">Days from the directive's issue date (else the window's start) to the first article.</param>
/// <param name="Health">Sources of the outlets that should have covered the theme and did not.</param>
public sealed record ThemeGap(
    string Code,
    string Title,
    GapKind Kind,
    int Articles,
    int Stories,
    IReadOnlyList<string> Outlets,
    DateOnly? FirstDay,
    int? LatencyDays,
    IReadOnlyList<OutletHealth> Health)
{
    /// <summary>A gap whose missing outlets have an unhealthy source: the gap may be the feed's, not the press's.</summary>
    public bool SourceMayExplain => (Kind is GapKind.Uncovered or GapKind.SingleOutlet) && Health.Any(h => h.Unhealthy);
}

/// <summary>Gaps of a plan as of a day.</summary>
public sealed record GapReport(string PlanId, int PlanVersion, DateOnly AsOf, DateOnly? Issued, IReadOnlyList<ThemeGap> Themes)
{
    public IEnumerable<ThemeGap> Gaps => Themes.Where(t => t.Kind is GapKind.Uncovered or GapKind.SingleOutlet);
}

/// <summary>How an outlet's sources look from the crawler's side.</summary>
public enum SourceState
{
    Ok,
    Failing,
    Silent,
    Untracked,
    Paused,
    ExtractionFailing,
}

/// <summary>Health of an outlet's sources: a host paused, failing (last attempt failed), pages fetched but no article
/// extracted, silent (no article for <see cref="CoverageRules.SilentAfterDays"/> days, or far beyond a source's rhythm),
/// fine, or not crawled at all.</summary>
/// <param name="Paused">The host paused, when <paramref name="State"/> is <see cref="SourceState.Paused"/>.</param>
public sealed record OutletHealth(string Outlet, IReadOnlyList<string> Sources, SourceState State, DateTimeOffset? LastSuccess, string? LastError, DateOnly? LastArticleDay,
    Crawl.PausedHost? Paused = null)
{
    /// <summary>A state that can explain missing articles.</summary>
    public bool Unhealthy => State is SourceState.Failing or SourceState.Paused or SourceState.ExtractionFailing or SourceState.Silent;
}

/// <summary>Articles of the plan around one plan event.</summary>
public sealed record EventCoverage(DateOnly Date, string Title, DateOnly From, DateOnly To, IReadOnlyList<(string Outlet, int Articles)> Outlets)
{
    public int Articles => Outlets.Sum(o => o.Articles);
}
