using Microsoft.AspNetCore.Http;
using Monitor.Directives;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Plans;

/// <summary>An uploaded directive turned into a draft: the file is checked (type, size), written to a private temporary
/// folder, read by the same importer as <c>monitor directive import</c>, and stored with its text and the proposal.
/// Every refusal is one Vietnamese line naming the file; nothing is stored then.</summary>
public sealed class DirectiveUpload(PlanDraftStore drafts)
{
    /// <summary>Largest upload: a scanned directive of a few dozen pages. The importer's own limit is larger.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static readonly IReadOnlyList<string> Extensions = [".docx", ".pdf", ".txt"];

    private static readonly DirectiveImporter Importer = new();
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public async Task<(PlanDraft? Draft, string? Problem)> ImportAsync(IFormFile? file, string? planId, DateOnly? issued, string user, CancellationToken ct)
    {
        if (file is null || file.FileName.Length == 0)
        {
            return (null, "Chưa chọn tệp văn bản chỉ đạo (.docx, .pdf hoặc .txt).");
        }

        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return (null, $"Tệp '{name}': chỉ nhận văn bản .docx, .pdf hoặc .txt.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"Tệp '{name}' nặng {(file.Length / (1024.0 * 1024)).ToString("0.#", Vi)} MiB, quá giới hạn {MaxBytes / (1024 * 1024)} MiB của một văn bản chỉ đạo.");
        }

        if (file.Length == 0)
        {
            return (null, $"Tệp '{name}' rỗng.");
        }

        var id = string.IsNullOrWhiteSpace(planId) ? IdFrom(name) : planId.Trim();
        if (PlanEditor.IdProblem(id) is { } idProblem)
        {
            return (null, idProblem);
        }

        var dir = Directory.CreateTempSubdirectory("monitor-upload-");
        try
        {
            var path = Path.Combine(dir.FullName, "directive" + extension);
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }

            var (plan, text) = await Importer.ImportWithTextAsync(path, new DirectiveImportOptions { Issued = issued }, ct);
            plan.Id = id;
            return (await drafts.AddAsync(id, name, text, plan, user, ct), null);
        }
        catch (DirectiveImportException e)
        {
            var problem = e.Message.StartsWith(e.Path + ": ", StringComparison.Ordinal) ? e.Message[(e.Path.Length + 2)..] : e.Message;
            return (null, $"Tệp '{name}': {problem.TrimEnd('.')}.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A plan id from a file name: its stem with every character a plan id does not allow turned into '-'.</summary>
    public static string IdFrom(string fileName)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-', '.', '_');
        return stem.Length == 0 ? "ke-hoach" : stem.Length > 64 ? stem[..64] : stem;
    }
}
