using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Monitor.Core.Time;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Forms;
using Monitor.Reports.Results;
using Monitor.Reports.Scheduling;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Reports;

/// <summary>Báo cáo (/reports/{plan}/{week}): the archive of weekly summaries (newest week first, md/html/docx to
/// download), one summary shown as a page (the latest when none is named), and the results report of a plan generated
/// on demand (as <c>monitor report results</c>) for analysts and leaders.</summary>
public sealed partial class IndexModel(ReportArchive archive, PlanStore plans, ResultsBuilder results, IConfiguration configuration, TimeProvider time) : PageModel
{
    public IReadOnlyList<ArchivedSummary> Archive { get; private set; } = [];

    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public string? PlanFilter { get; private set; }

    /// <summary>The summary shown, and its HTML body (written by Monitor's own renderer, every text escaped).</summary>
    public ArchivedSummary? Shown { get; private set; }

    public string? ShownBody { get; private set; }

    public bool IsLatest { get; private set; }

    public bool MayGenerate => User.IsInRole(MonitorRoles.Analyst) || User.IsInRole(MonitorRoles.Leader);

    public async Task<IActionResult> OnGetAsync(string? plan, string? week, CancellationToken ct)
    {
        await LoadAsync(plan, ct);
        if (week is not null)
        {
            Shown = Archive.FirstOrDefault(a => a.Plan == plan && a.Week == week);
            if (Shown is null)
            {
                return NotFound();
            }
        }
        else
        {
            Shown = Archive.Count > 0 ? Archive[0] : null;
            IsLatest = Shown is not null;
        }

        if (Shown?.Files.TryGetValue("html", out var path) == true)
        {
            var html = await System.IO.File.ReadAllTextAsync(path, ct);
            var (start, end) = (html.IndexOf("<body>", StringComparison.Ordinal), html.LastIndexOf("</body>", StringComparison.Ordinal));
            ShownBody = start >= 0 && end > start ? html[(start + "<body>".Length)..end] : null;
        }

        return Page();
    }

    /// <summary>One archived file: /reports/{plan}/{week}?handler=file&amp;format=md|html|docx.</summary>
    public IActionResult OnGetFile(string? plan, string? week, string? format)
    {
        if (plan is null || week is null || !WeekKey().IsMatch(week) || format is null || !ReportArchive.Formats.Contains(format))
        {
            return NotFound();
        }

        var path = archive.PathOf(plan, week, format);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        var type = format switch
        {
            "md" => "text/markdown; charset=utf-8",
            "html" => "text/html; charset=utf-8",
            _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        };
        // PhysicalFile refuses a relative path with a 500, and the data directory is relative by default (./.data).
        return PhysicalFile(Path.GetFullPath(path), type, $"tom-tat-{Ascii(plan)}-{week}.{format}");
    }

    /// <summary>The results report of a plan (docx, md or html), built now from the store: ?handler=results&amp;plan=&amp;from=&amp;to=&amp;format=.</summary>
    public async Task<IActionResult> OnGetResultsAsync(string? from, string? to, string? format, CancellationToken ct)
    {
        if (!MayGenerate)
        {
            return Forbid();
        }

        var planId = Request.Query["plan"].ToString();
        format = string.IsNullOrEmpty(format) ? "docx" : format;
        if (!ResultsFormats.All.Contains(format))
        {
            return BadRequest($"format '{format}': dùng docx, md hoặc html");
        }

        DateOnly? start = null, end = null;
        try
        {
            (start, end) = (DayField.Parse(from, "Từ ngày"), DayField.Parse(to, "Đến ngày"));
        }
        catch (FormatException e)
        {
            return BadRequest(e.Message);
        }

        if (start > end)
        {
            return BadRequest($"from {from} sau to {to}");
        }

        if (await results.BuildAsync(planId, start, end, ct) is not { } report)
        {
            return NotFound($"plan '{planId}': không có kế hoạch này");
        }

        var issuer = configuration.GetSection("Monitor:Report").Get<ReportIssuer>() ?? new ReportIssuer();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var temp = Path.Combine(Path.GetTempPath(), "monitor-results-" + Guid.NewGuid().ToString("N") + "." + format);
        try
        {
            await ResultsFormats.WriteFileAsync(report, issuer, today, format, temp, ct);
            var bytes = await System.IO.File.ReadAllBytesAsync(temp, ct);
            var type = format switch
            {
                "md" => "text/markdown; charset=utf-8",
                "html" => "text/html; charset=utf-8",
                _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            };
            return File(bytes, type, $"bao-cao-ket-qua-{Ascii(planId)}.{format}");
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }

    /// <summary>The archive's list as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? plan, string? table, string? format, CancellationToken ct)
    {
        await LoadAsync(plan, ct);
        var tables = new Dictionary<string, ExportTable>
        {
            ["archive"] = ExportTable.Of("Tóm tắt tuần", Archive,
                new ExportColumn<ArchivedSummary>("Tuần", a => Wording.Period(a.Week)),
                new ExportColumn<ArchivedSummary>("Kế hoạch", a => a.Plan),
                new ExportColumn<ArchivedSummary>("Ghi lúc", a => Written(a)),
                new ExportColumn<ArchivedSummary>("Định dạng", a => string.Join(", ", ReportArchive.Formats.Where(a.Files.ContainsKey)))),
        };
        return ExportFile.Answer(tables, table, format, "bao-cao");
    }

    public static string Written(ArchivedSummary a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.WrittenAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public static string FileHref(ArchivedSummary a, string format)
    {
        ArgumentNullException.ThrowIfNull(a);
        return $"/reports/{Uri.EscapeDataString(a.Plan)}/{a.Week}?handler=file&format={format}";
    }

    private async Task LoadAsync(string? plan, CancellationToken ct)
    {
        Plans = await plans.LatestAsync(ct);
        PlanFilter = plan ?? (Request.Query["plan"].ToString() is { Length: > 0 } p ? p : null);
        Archive = archive.List(PlanFilter);
    }

    private static string Ascii(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));

    [GeneratedRegex("^[0-9]{4}-W[0-9]{2}$")]
    private static partial Regex WeekKey();
}
