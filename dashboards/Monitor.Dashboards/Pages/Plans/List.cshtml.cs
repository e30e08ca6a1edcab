using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Forms;
using Monitor.Dashboards.Plans;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans (Kế hoạch): the stored plans with their version in force, links to history, overview and editor;
/// for analysts and admins the directive upload and the drafts not yet saved.</summary>
public sealed class ListModel(PlanStore plans, PlanDraftStore drafts, DirectiveUpload upload) : PageModel
{
    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public IReadOnlyList<PlanDraft> Drafts { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>What the upload form held, shown again after a refusal.</summary>
    public string? PlanId { get; private set; }

    public string? Issued { get; private set; }

    public bool MayEdit => MonitorRoles.MayEditPlans(User);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Imports the uploaded directive into a draft and opens it in the editor; a bad file is one line here.</summary>
    // Kestrel's own body limit (about 28 MiB) stays: a file beyond it never reaches this handler (plans.js refuses it
    // in the browser first, with the same line); between MaxBytes and it the handler answers in one line.
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? planId, string? issued, CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        (PlanId, Issued) = (planId, issued);
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(issued))
        {
            try
            {
                day = DayField.Parse(issued, "Ngày ban hành");
            }
            catch (FormatException e)
            {
                return await RefuseAsync(e.Message + ".", ct);
            }
        }

        var (draft, problem) = await upload.ImportAsync(file, planId, day, User.Identity!.Name!, ct);
        return draft is null
            ? await RefuseAsync(problem!, ct)
            : Redirect($"/plans/{Uri.EscapeDataString(draft.PlanId)}/edit?draft={draft.Id}");
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await plans.LatestAsync(ct);
        Drafts = MayEdit ? await drafts.OpenAsync(ct) : [];
    }
}
