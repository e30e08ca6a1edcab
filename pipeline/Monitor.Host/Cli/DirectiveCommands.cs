using System.CommandLine;
using System.Globalization;
using Monitor.Core.Plans;
using Monitor.Directives;
using Monitor.Directives.Checking;

namespace Monitor.Host.Cli;

/// <summary>monitor directive import / check: a directive becomes a plan an analyst reads and corrects.</summary>
internal static class DirectiveCommands
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Văn bản chỉ đạo: .txt (UTF-8), .docx hoặc .pdf (bản quét qua OCR)." };
        var issued = new Option<string?>("--issued") { Description = "Ngày ban hành YYYY-MM-DD khi văn bản để trống." };
        var format = new Option<string>("--format") { Description = "Định dạng kế hoạch xuất ra: yaml hoặc json.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var output = new Option<string?>("-o", "--output") { Description = "Ghi kế hoạch ra tệp này thay vì màn hình." };
        var import = new Command("import", "Đọc văn bản chỉ đạo thành kế hoạch đề xuất (chủ đề, đơn vị, cơ quan báo chí, thời gian, chỉ tiêu, văn bản, sự kiện).")
        {
            file, issued, format, output,
        };
        import.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            DateOnly? date = null;
            if (r.GetValue(issued) is { } text)
            {
                date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new UserInputException($"--issued '{text}' không phải ngày (cần dạng YYYY-MM-DD)");
            }

            var plan = await new DirectiveImporter().ImportAsync(r.GetValue(file)!, new DirectiveImportOptions { Issued = date }, ct);
            var body = r.GetValue(format) == "json" ? PlanFile.ToJson(plan) : PlanFile.ToYaml(plan);
            if (r.GetValue(output) is { } path)
            {
                await OutputFile.WriteAsync(path, body, ct);
                await Console.Error.WriteLineAsync($"đã ghi kế hoạch {path}: {plan.Themes.Count} chủ đề, {plan.Quotas.Count} chỉ tiêu, {plan.References.Count} văn bản");
            }
            else
            {
                await Console.Out.WriteAsync(body);
            }

            foreach (var warning in ProposalWarnings.Of(plan))
            {
                await Console.Error.WriteLineAsync($"cảnh báo: {r.GetValue(file)}: {warning}");
            }

            return 0;
        }));

        var planFile = new Argument<string>("PLAN") { Description = "Tệp kế hoạch (YAML hoặc JSON)." };
        var check = new Command("check", "Kiểm tra kế hoạch đã sửa tay; mỗi lỗi ghi rõ dòng.") { planFile };
        check.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var path = r.GetValue(planFile)!;
            var errors = PlanChecker.Check(path);
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"{Where(path, error)}: {error.Message}");
            }

            foreach (var warning in errors.Count == 0 ? PlanChecker.Warnings(path) : [])
            {
                await Console.Error.WriteLineAsync($"{Where(path, warning)}: cảnh báo: {warning.Message}");
            }

            if (errors.Count == 0)
            {
                await Console.Out.WriteLineAsync($"{path}: kế hoạch hợp lệ");
            }

            return errors.Count == 0 ? 0 : 2;
        }));
        return new Command("directive", "Văn bản chỉ đạo.") { import, check };
    }

    /// <summary>"file:line", or the file alone for an error of the whole file (a missing file was "kh.yaml:0:").</summary>
    private static string Where(string path, PlanError error) => error.Line > 0 ? $"{path}:{error.Line}" : path;
}
