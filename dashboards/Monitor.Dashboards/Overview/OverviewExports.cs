using Monitor.Dashboards.Exports;

namespace Monitor.Dashboards.Overview;

/// <summary>Tổng quan's tables as downloads, laid out as the page lays them out: the heat map's table (theme × period)
/// and the matrix (theme × outlet, then the total) as the same grids with an empty cell as 0, the quotas and the gaps
/// column for column.</summary>
internal static class OverviewExports
{
    public static IReadOnlyDictionary<string, ExportTable> Tables(OverviewData d)
    {
        var outlets = d.Matrix.Select(m => m.Outlet).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Dictionary<string, ExportTable>
        {
            ["heat"] = new("Bản đồ nhiệt", ["Chủ đề", .. d.Periods.Select(Wording.Period)],
                d.Themes.Select(t => (IReadOnlyList<object?>)[$"{t.Code} {t.Title}", .. d.Periods.Select(p => (object?)(d.Heat.FirstOrDefault(h => h.Theme == t.Code && h.Period == p)?.Articles ?? 0))]).ToList()),
            ["matrix"] = new("Chủ đề × cơ quan", ["Chủ đề", .. outlets, "Cộng"],
                d.Themes.Select(t => (IReadOnlyList<object?>)[$"{t.Code} {t.Title}",
                    .. outlets.Select(o => (object?)(d.Matrix.FirstOrDefault(m => m.Theme == t.Code && m.Outlet == o)?.Articles ?? 0)),
                    d.Matrix.Where(m => m.Theme == t.Code).Sum(m => m.Articles)]).ToList()),
            ["quotas"] = ExportTable.Of("Chỉ tiêu", d.Quotas,
                new ExportColumn<QuotaRow>("Chủ đề", q => q.Theme ?? "mọi chủ đề"),
                new ExportColumn<QuotaRow>("Cơ quan báo chí", q => q.Outlet.Length == 0 ? "mọi cơ quan" : q.Outlet),
                new ExportColumn<QuotaRow>("Định mức", q => q.Rate),
                new ExportColumn<QuotaRow>("Phải có", q => q.Required),
                new ExportColumn<QuotaRow>("Đã có", q => q.Delivered),
                new ExportColumn<QuotaRow>("Còn thiếu", q => q.Remaining),
                new ExportColumn<QuotaRow>("Tình trạng", q => q.Status)),
            ["gaps"] = ExportTable.Of("Khoảng trống", d.Gaps?.Gaps ?? [],
                new ExportColumn<Storage.Coverage.ThemeGap>("Chủ đề", g => $"{g.Code} {g.Title}"),
                new ExportColumn<Storage.Coverage.ThemeGap>("Tình trạng", Wording.Gap),
                new ExportColumn<Storage.Coverage.ThemeGap>("Cơ quan đã đưa tin", g => string.Join(", ", g.Outlets)),
                new ExportColumn<Storage.Coverage.ThemeGap>("Độ trễ (ngày)", g => g.LatencyDays),
                new ExportColumn<Storage.Coverage.ThemeGap>("Tin gốc", g => g.Stories),
                new ExportColumn<Storage.Coverage.ThemeGap>("Bài", g => g.Articles),
                new ExportColumn<Storage.Coverage.ThemeGap>("Cơ quan còn thiếu và nguồn tin",
                    g => string.Join("; ", new[] { Wording.GapNote(g) }.Concat(g.Health.Select(h => $"{h.Outlet}: {Wording.Health(h)}")).OfType<string>()))),
        };
    }
}
