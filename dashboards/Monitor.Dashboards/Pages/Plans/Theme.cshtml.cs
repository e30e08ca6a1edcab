using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/themes/{code}: the theme as the directive words it, its window, units and outlets, and its
/// stories with the syndicated copies grouped under their original.</summary>
public sealed partial class ThemeModel(OverviewBuilder overview, ICoverageStore coverage) : PageModel
{
    public ThemeStories? Stories { get; private set; }

    public Monitor.Core.Plans.Theme? Theme { get; private set; }

    public async Task<IActionResult> OnGetAsync(string plan, string code, CancellationToken ct)
    {
        if (await overview.ResolveAsync(new Filters(plan), ct) is not var (stored, _, asOf))
        {
            return NotFound();
        }

        Theme = stored.Plan.Themes.FirstOrDefault(t => t.Code == code);
        Stories = await coverage.StoriesAsync(stored, code, asOf, ct);
        return Stories is null || Theme is null ? NotFound() : Page();
    }
}
