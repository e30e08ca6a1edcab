using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages;

/// <summary>Tổng quan: tiles, heat map theme × period, theme × outlet matrix, articles per day, quotas and gaps of one
/// plan under the filters; the charts read the same numbers from GET /api/plans/{id}/overview.</summary>
public sealed partial class IndexModel(OverviewBuilder overview, PlanStore plans, TimeProvider time) : PageModel
{
    /// <summary>The frame of the sources tile: judged now, unlike the rest of the page (the as-of day).</summary>
    public string SourcesFrame => Monitor.Wording.SourceWords.JudgedNow(time.GetUtcNow());

    public OverviewData? Data { get; private set; }

    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public string? Error { get; private set; }

    public string ApiUrl => Data is null ? "" : $"/api/plans/{Uri.EscapeDataString(Data.Plan)}/overview{Data.Filters.Query()}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await plans.LatestAsync(ct);
        var (filters, error) = Filters.Parse(Request.Query);
        if (filters is null)
        {
            Error = error;
            Response.StatusCode = 400;
            return;
        }

        Data = await overview.BuildAsync(filters, ct);
        // Without ?plan= the overview shows the first stored plan: a version it lacks names that plan, not "no plan yet".
        if (Data is null && (filters.Plan ?? (Plans.Count > 0 ? Plans[0].Id : null)) is { } plan)
        {
            Error = $"Không có kế hoạch '{plan}'" + (filters.Version is { } v ? $" phiên bản {v}" : "") + ".";
            Response.StatusCode = 404;
        }
    }

    public int Cell(string theme, string period) => Data!.Heat.FirstOrDefault(h => h.Theme == theme && h.Period == period)?.Articles ?? 0;
}
