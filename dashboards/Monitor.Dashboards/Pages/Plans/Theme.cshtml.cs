using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Diagnostics;
using Monitor.Dashboards.Overview;
using Monitor.Dashboards.Themes;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/themes/{code}?offset=N: the theme as the directive words it, its window, units and outlets,
/// a timeline of its counted articles, and a page of its stories (newest first, <see cref="PageSize"/> a page) with the
/// syndicated copies grouped under their original and the evidence marked in a snippet of each.</summary>
public sealed partial class ThemeModel(OverviewBuilder overview, ICoverageStore coverage, DashboardQueries queries) : PageModel
{
    public const int PageSize = 50;

    public ThemeStories? Stories { get; private set; }

    public Monitor.Core.Plans.Theme? Theme { get; private set; }

    public ThemeTimeline? Timeline { get; private set; }

    public string? Newer { get; private set; }

    public string? Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(string plan, string code, CancellationToken ct)
    {
        var offset = int.TryParse(Request.Query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        StoredPlan? stored;
        using (ServerTimingSpans.Measure("stories"))
        {
            stored = await LoadAsync(plan, code, new StoryPage(offset, PageSize), ct);
        }

        if (stored is null)
        {
            return NotFound();
        }

        var window = CoverageRules.Windows(stored.Plan, null, Stories!.AsOf).First(w => w.Code == code);
        using (ServerTimingSpans.Measure("timeline"))
        {
            Timeline = ThemeTimeline.Of(stored, window, await queries.DailyAsync(stored.Id, [window], null, null, ct));
        }

        Newer = offset > 0 ? Paged(Math.Max(0, offset - PageSize)) : null;
        Older = offset + Stories.Stories.Count < Stories.Total ? Paged(offset + PageSize) : null;
        return Page();
    }

    /// <summary>The theme and a page of its stories, with the plan version they were read from; null for an unknown plan
    /// or theme (or a theme whose window has not started).</summary>
    private async Task<StoredPlan?> LoadAsync(string plan, string code, StoryPage page, CancellationToken ct)
    {
        if (await overview.ResolveAsync(new Filters(plan), ct) is not var (stored, _, asOf))
        {
            return null;
        }

        Theme = stored.Plan.Themes.FirstOrDefault(t => t.Code == code);
        Stories = Theme is null ? null : await coverage.StoriesAsync(stored, code, asOf, page, ct);
        return Stories is null ? null : stored;
    }

    private string Paged(int offset) => $"{Request.Path}?offset={offset.ToString(CultureInfo.InvariantCulture)}";
}
