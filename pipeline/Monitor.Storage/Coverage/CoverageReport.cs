namespace Monitor.Storage.Coverage;

/// <summary>How coverage is bucketed in time (all in Asia/Ho_Chi_Minh).</summary>
public enum CoveragePeriod
{
    Week,
    Month,
    Window,
}

/// <summary>What coverage to count: the bucket and an optional range of Vietnamese days, both ends included.</summary>
public sealed record CoverageQuery(CoveragePeriod Period = CoveragePeriod.Week, DateOnly? From = null, DateOnly? To = null);

/// <summary>Articles of one outlet covering one theme in one period ("2024-W46", "2024-11" or "window").</summary>
public sealed record CoverageCell(string Theme, string Outlet, string Period, int Articles);

/// <summary>Coverage of a plan: the theme × outlet × period counts, inside each theme's window, and the themes
/// nobody covered.</summary>
public sealed record CoverageReport(
    string PlanId,
    int PlanVersion,
    IReadOnlyList<(string Code, string Title)> Themes,
    IReadOnlyList<CoverageCell> Cells,
    long ArticlesStored,
    CoverageQuery Query)
{
    public IEnumerable<(string Code, string Title)> Uncovered => Themes.Where(t => !Cells.Any(c => c.Theme == t.Code));

    public int CoveredThemes => Themes.Count(t => Cells.Any(c => c.Theme == t.Code));
}
