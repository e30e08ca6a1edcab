namespace Monitor.Storage.Coverage;

/// <summary>Articles of one outlet covering one theme in one ISO week (Asia/Ho_Chi_Minh).</summary>
public sealed record CoverageCell(string Theme, string Outlet, string Week, int Articles);

/// <summary>Coverage of a plan: the theme × outlet × week counts, inside each theme's window, and the themes
/// nobody covered.</summary>
public sealed record CoverageReport(
    string PlanId,
    int PlanVersion,
    IReadOnlyList<(string Code, string Title)> Themes,
    IReadOnlyList<CoverageCell> Cells,
    long ArticlesStored)
{
    public IEnumerable<(string Code, string Title)> Uncovered => Themes.Where(t => !Cells.Any(c => c.Theme == t.Code));

    public int CoveredThemes => Themes.Count(t => Cells.Any(c => c.Theme == t.Code));
}
