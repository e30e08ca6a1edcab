using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Plans;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/history: every stored version of a plan, and what changed between two of them (by default
/// the last two): themes, keywords, rules, windows, outlets, quotas.</summary>
public sealed class HistoryModel(PlanStore plans) : PageModel
{
    public string PlanId { get; private set; } = "";

    public IReadOnlyList<StoredPlan> Versions { get; private set; } = [];

    public StoredPlan? Before { get; private set; }

    public StoredPlan? After { get; private set; }

    public PlanDiff? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(string plan, int? from, int? to, CancellationToken ct)
    {
        Versions = await plans.VersionsAsync(plan, ct);
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        PlanId = plan;
        After = Versions.FirstOrDefault(v => v.Version == to) ?? Versions[^1];
        Before = Versions.FirstOrDefault(v => v.Version == from) ?? Versions.LastOrDefault(v => v.Version < After.Version);
        Diff = Before is null ? null : PlanDiff.Compare(Before.Plan, After.Plan);
        return Page();
    }
}
