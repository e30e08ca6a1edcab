using Monitor.Storage.Coverage;
using Spectre.Console;

namespace Monitor.Host.Reports;

/// <summary>Prints coverage as a table: one row per theme and outlet, one column per ISO week, then the gaps.</summary>
internal static class CoverageTable
{
    public static void Print(IAnsiConsole console, CoverageReport report)
    {
        var weeks = report.Cells.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Simple).Title($"Độ phủ kế hoạch {Markup.Escape(report.PlanId)} (phiên bản {report.PlanVersion})");
        table.AddColumn("Chủ đề");
        table.AddColumn("Cơ quan báo chí");
        foreach (var week in weeks)
        {
            table.AddColumn(new TableColumn(WeekLabel(week)).RightAligned());
        }

        table.AddColumn(new TableColumn("Tổng").RightAligned());
        foreach (var (code, title) in report.Themes)
        {
            var cells = report.Cells.Where(c => c.Theme == code).ToList();
            var label = Markup.Escape($"{code} {Shorten(title, 42)}");
            if (cells.Count == 0)
            {
                table.AddRow([label, "[red]chưa có bài[/]", .. weeks.Select(_ => "·"), "0"]);
                continue;
            }

            foreach (var outlet in cells.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal))
            {
                var counts = weeks.Select(w => cells.FirstOrDefault(c => c.Outlet == outlet && c.Period == w)?.Articles ?? 0).ToList();
                table.AddRow([label, Markup.Escape(outlet), .. counts.Select(n => n == 0 ? "·" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    counts.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                label = "";
            }
        }

        console.Write(table);
        var uncovered = report.Uncovered.ToList();
        if (uncovered.Count > 0)
        {
            console.MarkupLine("[bold]Chủ đề chưa được thông tin:[/]");
            foreach (var (code, title) in uncovered)
            {
                console.MarkupLine($"  - {Markup.Escape(code)} {Markup.Escape(title)}");
            }
        }
    }

    /// <summary>"2024-W46" → "Tuần 46/2024", as directives write it.</summary>
    public static string WeekLabel(string week) => $"T{week[6..]}/{week[..4]}";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
