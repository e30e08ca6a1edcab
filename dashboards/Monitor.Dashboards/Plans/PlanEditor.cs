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

    /// <summary>Stores the checked plan as a new version for <paramref name="user"/> (an unchanged plan adds none) and marks
    /// its draft saved. With <paramref name="basedOn"/> the save is refused when the newest stored version is another
    /// (<see cref="PlanSave.Newer"/> then names the versions saved meanwhile).</summary>
    public async Task<PlanSave> SaveAsync(Plan plan, long? draft, string user, int? basedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var save = await plans.SaveAsync(plan, user, basedOn, ct);
        if (draft is { } id && save.Stored is { } stored)
        {
            await drafts.MarkSavedAsync(id, stored.Id, stored.Version, ct);
        }

        return save;
    }

    /// <summary>The refusal of a save another analyst's version overtook, in one Vietnamese sentence: who saved which
    /// version when.</summary>
    public static string Overtaken(int basedOn, IReadOnlyList<PlanVersionSaved> newer) =>
        $"Chưa lưu: bạn sửa từ phiên bản v{basedOn}, nhưng trong lúc đó đã có {(newer.Count == 1 ? "phiên bản mới hơn" : $"{newer.Count} phiên bản mới hơn")}: {Saves(newer)}. Nội dung bạn nhập vẫn giữ nguyên bên dưới.";

    /// <summary>The refusal of a draft's save: its plan got versions the draft's editor never showed (another analyst saved
    /// the same plan first, or the id was retyped to an existing plan's).</summary>
    public static string DraftOvertaken(string planId, IReadOnlyList<PlanVersionSaved> newer) =>
        $"Chưa lưu: kế hoạch {planId} đã có {(newer.Count == 1 ? "phiên bản" : $"{newer.Count} phiên bản")} mà bản nháp này chưa biết: {Saves(newer)}. Nội dung bạn nhập vẫn giữ nguyên bên dưới.";

    private static string Saves(IReadOnlyList<PlanVersionSaved> newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return string.Join("; ", newer.Select(v => $"v{v.Version} do {(v.SavedBy is { } by ? by : "lệnh nạp kế hoạch")} lưu lúc {v.SavedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}
