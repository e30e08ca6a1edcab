using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Exports;
using Monitor.Storage.Crawl;
using Monitor.Wording;

namespace Monitor.Dashboards.Pages;

/// <summary>Nguồn tin's downloads: the sources table (the sparkline's days as one column each) and the paused hosts.</summary>
public sealed partial class SourcesModel
{
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        await OnGetAsync(ct);
        var days = Enumerable.Range(0, Days).Select(i => (Index: i, Header: "ngày -" + (Days - 1 - i).ToString(CultureInfo.InvariantCulture))).ToList();
        var tables = new Dictionary<string, ExportTable>
        {
            ["sources"] = new("Nguồn tin",
                ["Nguồn", "Cơ quan báo chí", "Tình trạng", "Thành công gần nhất", "Bài mới gần nhất", "Bài mới/ngày", "Nhịp thường", "Lỗi theo loại", "Lỗi trích xuất",
                    .. days.Select(d => d.Header == "ngày -0" ? "hôm nay" : d.Header)],
                Lines.Select(l => (IReadOnlyList<object?>)[l.Source, l.Outlet, SourceWords.Status(l), SourceWords.When(l.LastSuccess), SourceWords.When(l.LastNewArticle),
                    Math.Round(l.ArticlesPerDay, 1), l.UsualGap is { } g ? SourceWords.Gap(g) : "—",
                    l.ErrorsByKind.Count == 0 ? "—" : string.Join(", ", l.ErrorsByKind.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{SourceWords.ErrorKind(e.Key)}: {e.Value}")),
                    SourceWords.Extraction(l), .. PerDay(l.Source).Select(n => (object?)n)]).ToList()),
            ["paused"] = ExportTable.Of("Máy chủ tạm dừng", Paused,
                new ExportColumn<PausedHost>("Máy chủ", p => p.Host),
                new ExportColumn<PausedHost>("Tạm dừng đến", p => SourceWords.When(p.Until)),
                new ExportColumn<PausedHost>("Lỗi liên tiếp", p => p.Failures),
                new ExportColumn<PausedHost>("Lỗi gần nhất", p => p.LastError ?? "—"),
                new ExportColumn<PausedHost>("Nguồn bị ảnh hưởng", p => string.Join(", ", Lines.Where(l => l.PausedHosts.Any(h => h.Host == p.Host)).Select(l => l.Source)))),
        };
        return ExportFile.Answer(tables, table, format, "nguon-tin");
    }
}
