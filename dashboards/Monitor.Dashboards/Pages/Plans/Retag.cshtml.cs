using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Plans;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/retag (analysts and admins): after a save, re-tags the stored articles with the newest
/// version; the progress bar is filled by wwwroot/js/plans.js from GET /api/plans/{id}/retag.</summary>
public sealed class RetagModel(PlanStore plans, RetagJobs jobs) : PageModel
{
    public StoredPlan Plan { get; private set; } = null!;

    public RetagStatus? Status { get; private set; }

    public int? Saved { get; private set; }

    public bool Unchanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(string plan, int? saved, bool unchanged, CancellationToken ct)
    {
        if (await LatestAsync(plan, ct) is not { } latest)
        {
            return NotFound();
        }

        (Plan, Saved, Unchanged, Status) = (latest, saved, unchanged, await jobs.GetAsync(plan, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string plan, CancellationToken ct)
    {
        if (await LatestAsync(plan, ct) is not { } latest)
        {
            return NotFound();
        }

        await jobs.StartAsync(latest, User.Identity!.Name!, ct);
        return Redirect($"/plans/{Uri.EscapeDataString(plan)}/retag");
    }

    private async Task<StoredPlan?> LatestAsync(string plan, CancellationToken ct) => (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan);
}
