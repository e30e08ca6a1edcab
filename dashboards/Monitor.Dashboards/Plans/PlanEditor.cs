using Monitor.Core;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Directives.Checking;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Plans;

/// <summary>One message of the plan checker, placed at the form row and field it is about (Section null: the plan
/// as a whole). An error refuses the save; a warning does not.</summary>
public sealed record EditorMessage(string? Section, int Row, string? Field, string Text, bool IsError);

/// <summary>What the checker said about the form, and the plan it describes when there was no error.</summary>
public sealed record EditorCheck(IReadOnlyList<EditorMessage> Messages, Plan? Plan)
{
    public bool Ok => Plan is not null;

    public IEnumerable<EditorMessage> At(string section, int row) => Messages.Where(m => m.Section == section && m.Row == row);

    public IEnumerable<EditorMessage> General => Messages.Where(m => m.Section is null);
}

/// <summary>Checks an edited plan with the checker <c>plan load</c> uses (PlanChecker on the YAML the form composes,
/// then the matcher's own reading of rules) and saves it as a new version of the plan.</summary>
public sealed class PlanEditor(PlanStore plans, PlanDraftStore drafts)
{
    /// <summary>Plan ids are file-name-like: letters, digits, '.', '_', '-', at most 64.</summary>
    public static string? IdProblem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "Cần mã kế hoạch."
        : id.Length > 64 || !char.IsLetterOrDigit(id[0]) || id.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
            ? $"Mã kế hoạch '{id}' không hợp lệ: chỉ dùng chữ, số, '.', '_', '-' (tối đa 64 ký tự, bắt đầu bằng chữ hoặc số)."
            : null;

    public static EditorCheck Check(Plan basePlan, PlanForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var messages = new List<EditorMessage>();
        if (IdProblem(form.PlanId) is { } idProblem)
        {
            messages.Add(new EditorMessage(null, 0, "PlanId", idProblem, true));
        }

        var yaml = PlanComposer.Yaml(basePlan, form);
        var place = PlanComposer.Places(yaml);
        EditorMessage Placed(PlanError e, bool error) => place(e.Line) is { } p
            ? new EditorMessage(p.Section, p.Row, p.Field, e.Message, error)
            : new EditorMessage(null, 0, null, e.Message, error);
        var errors = PlanChecker.CheckText(yaml, form.PlanId);
        messages.AddRange(errors.Select(e => Placed(e, true)));
        if (errors.Count > 0)
        {
            return new EditorCheck(messages, null);
        }

        messages.AddRange(PlanChecker.WarningsText(yaml).Select(e => Placed(e, false)));
        var plan = PlanFile.Parse(yaml, form.PlanId, json: false);
        plan.Id = form.PlanId;
        try
        {
            _ = new PlanMatcher(plan);   // as plan load: a plan the tagger cannot use is not stored
        }
        catch (UserErrorException e)
        {
            messages.Add(new EditorMessage(null, 0, null, e.Message, true));
        }

        return new EditorCheck(messages, messages.Any(m => m.IsError) ? null : plan);
    }

    /// <summary>Stores the checked plan as a new version (an unchanged plan adds none) and marks its draft saved.</summary>
    public async Task<(StoredPlan Stored, bool Changed)> SaveAsync(Plan plan, long? draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var before = (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan.Id)?.Version;
        var stored = await plans.SaveAsync(plan, ct);
        if (draft is { } id)
        {
            await drafts.MarkSavedAsync(id, stored.Id, stored.Version, ct);
        }

        return (stored, stored.Version != before);
    }
}
