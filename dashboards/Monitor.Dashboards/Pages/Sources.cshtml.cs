using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Crawl;

namespace Monitor.Dashboards.Pages;

/// <summary>Nguồn tin: per source its outlet, state, last success, new articles per day with a sparkline of the last
/// <see cref="Days"/> days, errors by kind, extraction failures, the sources needing attention first; then paused hosts.</summary>
public sealed partial class SourcesModel(SourceHealthReport health, CrawlState crawl, DashboardQueries queries, TimeProvider time) : PageModel
{
    public const int Days = 14;

    public IReadOnlyList<SourceHealthLine> Lines { get; private set; } = [];

    public IReadOnlyList<PausedHost> Paused { get; private set; } = [];

    private IReadOnlyDictionary<string, int[]> _perDay = new Dictionary<string, int[]>();

    /// <summary>The instant the sources are judged at, said on the page (the overview's gaps judge them on their as-of day).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public int[] PerDay(string source) => _perDay.TryGetValue(source, out var d) ? d : new int[Days];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lines = (await health.ComputeAsync([], ct)).OrderBy(l => l.NeedsAttention ? 0 : 1).ThenBy(l => l.Source, StringComparer.Ordinal).ToList();
        Paused = await crawl.PausedHostsAsync(ct);
        _perDay = await queries.NewArticlesPerDayAsync(Days, time, ct);
    }
}
