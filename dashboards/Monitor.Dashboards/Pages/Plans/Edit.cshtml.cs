using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Plans;
using Monitor.Dashboards.Plans;
using Monitor.Directives.Checking;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/edit (analysts and admins): the plan beside its directive's text (an uploaded draft's, or
/// the text of the draft the plan was last saved from), its themes and quotas as a form, the checker's messages at the
/// row they concern, and the save as a new version, which an error refuses.</summary>
public sealed class EditModel(PlanStore plans, PlanDraftStore drafts, PlanEditor editor) : PageModel
{
    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public string? DirectiveText { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>What the importer warns of an uploaded draft (a file that does not look like a directive), as
    /// <c>monitor directive import</c> prints it on stderr; shown on the draft's page each time it is opened.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The plan the form started from (its themes' descriptions are shown beside the form).</summary>
    public Plan Base { get; private set; } = new();

    /// <summary>The newest stored version of the plan the form saves to, if any.</summary>
    public StoredPlan? Latest { get; private set; }

    public EditorCheck? Result { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The versions saved since the form's base when a save was refused for them (the page names them, links
    /// their diff and offers to save over the newest).</summary>
    public IReadOnlyList<PlanVersionSaved> Overtaken { get; private set; } = [];

    /// <summary>The version the refused save was based on (0: a draft whose plan had none).</summary>
    public int? OvertakenFrom { get; private set; }

    /// <summary>Why a posted form cannot be read at all (a hand-made request), one line.</summary>
    private string? PostProblem { get; set; }

    public async Task<IActionResult> OnGetAsync(string plan, long? draft, CancellationToken ct)
    {
        if (!await LoadAsync(plan, draft, null, ct))
        {
            return NotFound();
        }

        if (draft is null)
        {
            Form = PlanForm.Of(Base, plan, null, Latest!.Version);
            return Page();
        }

        // A draft's first save is checked like any later one: against the plan's newest version now (none: 0).
        var id = Base.Id ?? plan;
        Form = PlanForm.Of(Base, id, draft, (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == id)?.Version ?? 0);
        Form.BasePlan = id;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string plan, CancellationToken ct)
    {
        if (!await LoadPostedAsync(plan, ct))
        {
            return Unreadable();
        }

        Result = PlanEditor.Check(Base, Form);
        Notice = Result.Ok ? "Kế hoạch hợp lệ: có thể lưu thành phiên bản mới." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string plan, CancellationToken ct)
    {
        if (!await LoadPostedAsync(plan, ct))
        {
            return Unreadable();
        }

        Result = PlanEditor.Check(Base, Form);
        if (Result.Plan is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Saved only over the version the edit started from (or the newer one the analyst chose to save over after being
        // told of it); a draft over its plan's newest version when it was opened (none: 0), or none at all when its plan id
        // was retyped to one whose versions it never showed.
        var basedOn = Form.Draft is null || string.Equals(Form.BasePlan, Result.Plan.Id, StringComparison.Ordinal) ? Form.BaseVersion : 0;
        var save = await editor.SaveAsync(Result.Plan, Form.Draft, User.Identity!.Name!, Form.Overwrite ?? basedOn, ct);
        if (save.Stored is not { } stored)
        {
            Overtaken = save.Newer;
            OvertakenFrom = Form.Draft is null ? Form.BaseVersion : Form.Overwrite ?? basedOn;
            Latest = (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/plans/{Uri.EscapeDataString(stored.Id)}/retag?saved={stored.Version}{(save.Changed ? "" : "&unchanged=true")}");
    }

    public async Task<IActionResult> OnPostAddThemeAsync(string plan, CancellationToken ct)
    {
        if (!await LoadPostedAsync(plan, ct))
        {
            return Unreadable();
        }

        Form.Themes.Add(new ThemeForm());
        return Page();
    }

    public async Task<IActionResult> OnPostAddQuotaAsync(string plan, CancellationToken ct)
    {
        if (!await LoadPostedAsync(plan, ct))
        {
            return Unreadable();
        }

        Form.Quotas.Add(new QuotaForm { Period = "week" });
        return Page();
    }

    // A posted form that names no version, or one the plan does not have, is one line (400); an unknown plan or draft is 404.
    private IActionResult Unreadable() => PostProblem is null ? NotFound() : BadRequest(PostProblem);

    private async Task<bool> LoadPostedAsync(string plan, CancellationToken ct)
    {
        if (Form.Draft is null)
        {
            Form.PlanId = plan;   // a stored plan keeps its id; only a draft names its plan
        }

        Form.Prune();
        if (Form.BaseVersion is null)
        {
            PostProblem = $"Form.BaseVersion: thiếu phiên bản mà bản sửa kế hoạch {plan} dựa trên; mở lại trang sửa rồi lưu.";
            return false;
        }

        return await LoadAsync(Form.Draft is null ? plan : Form.PlanId, Form.Draft, Form.BaseVersion, ct);
    }

    private async Task<bool> LoadAsync(string plan, long? draft, int? baseVersion, CancellationToken ct)
    {
        Latest = (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan);
        if (draft is { } id)
        {
            if (await drafts.GetAsync(id, ct) is not { } d)
            {
                return false;
            }

            (Base, DirectiveText, FileName) = (d.Proposal, d.DirectiveText, d.FileName);
            Warnings = ProposalWarnings.Of(d.Proposal);
            return true;
        }

        var versions = await plans.VersionsAsync(plan, ct);
        var chosen = versions.FirstOrDefault(v => v.Version == baseVersion) ?? (versions.Count > 0 && baseVersion is null ? versions[^1] : null);
        if (chosen is null)
        {
            PostProblem = versions.Count > 0 ? $"Form.BaseVersion: kế hoạch {plan} không có phiên bản v{baseVersion}." : null;
            return false;
        }

        Base = chosen.Plan;
        if (await drafts.LatestSavedAsync(plan, ct) is { } saved)
        {
            (DirectiveText, FileName) = (saved.DirectiveText, saved.FileName);
        }

        return true;
    }
}
