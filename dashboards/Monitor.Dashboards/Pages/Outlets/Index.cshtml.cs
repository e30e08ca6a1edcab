using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Outlets;
using Monitor.Dashboards.Overview;

namespace Monitor.Dashboards.Pages.Outlets;

/// <summary>Cơ quan báo chí (/outlets/{outlet}): the editor's page. An editor sees only the outlets they are bound to
/// (another outlet's page answers 403); the other roles pick any outlet.</summary>
public sealed class IndexModel(OutletPageBuilder builder) : PageModel
{
    public OutletData? Data { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? outlet, CancellationToken ct) => await LoadAsync(outlet, ct) ?? Page();

    /// <summary>A table of the page as CSV or XLSX: quotas, periods, covered, uncovered, recent.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? outlet, string? table, string? format, CancellationToken ct) =>
        await LoadAsync(outlet, ct) ?? (Data is null ? NotFound() : ExportFile.Answer(OutletExports.Tables(Data), table, format, "co-quan-" + Data.Plan));

    private async Task<IActionResult?> LoadAsync(string? outlet, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(Request.Query);
        if (filters is null)
        {
            Error = error;
            Response.StatusCode = 400;
            return Page();
        }

        IReadOnlyList<string>? allowed = User.IsInRole(MonitorRoles.Editor) ? MonitorRoles.Outlets(User) : null;
        if (outlet is not null && allowed is not null && !allowed.Contains(outlet))
        {
            return Forbid();
        }

        Data = await builder.BuildAsync(filters, outlet, allowed, ct);
        if (Data is null && filters.Plan is not null)
        {
            return NotFound();
        }

        if (Data is not null && outlet is not null && !Data.Outlets.Contains(outlet))
        {
            Error = $"Kế hoạch {Data.Plan} không có cơ quan báo chí '{outlet}'.";
            Response.StatusCode = 404;
        }

        return null;
    }

    /// <summary>The page of another outlet under the same plan and day.</summary>
    public string Href(string outlet) => $"/outlets/{Uri.EscapeDataString(outlet)}{new Filters(Data?.Plan, AsOf: Request.Query.ContainsKey("asof") ? Data?.AsOf : null).Query()}";
}
