using Monitor.Dashboards.Exports;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Outlets;

/// <summary>The outlet page's tables as downloads, column for column as the page shows them.</summary>
internal static class OutletExports
{
    public static IReadOnlyDictionary<string, ExportTable> Tables(OutletData d) => new Dictionary<string, ExportTable>
    {
        ["quotas"] = ExportTable.Of("Chỉ tiêu", d.Quotas,
            new ExportColumn<OutletQuota>("Chỉ tiêu", q => q.Text),
            new ExportColumn<OutletQuota>("Chủ đề", q => q.Theme ?? "mọi chủ đề"),
            new ExportColumn<OutletQuota>("Định mức", q => q.Rate),
            new ExportColumn<OutletQuota>("Phải có", q => q.Required),
            new ExportColumn<OutletQuota>("Đã có", q => q.Delivered),
            new ExportColumn<OutletQuota>("Còn thiếu", q => q.Remaining),
            new ExportColumn<OutletQuota>("Tình trạng", q => q.Status)),
        ["periods"] = ExportTable.Of("Chỉ tiêu theo kỳ", d.Quotas.SelectMany(q => q.Periods.Select(p => (Q: q, P: p))),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Chỉ tiêu", x => x.Q.Text),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Kỳ", x => x.P.Label),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Từ ngày", x => x.P.From),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Đến ngày", x => x.P.To),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Phải có", x => x.P.Required),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Đã có", x => x.P.Delivered),
            new ExportColumn<(OutletQuota Q, QuotaPeriod P)>("Bài được tính", x => string.Join("; ", x.P.Articles.Select(a => a.Title)))),
        ["covered"] = ExportTable.Of("Chủ đề đã có bài", d.Covered,
            new ExportColumn<CoveredTheme>("Mã", t => t.Code),
            new ExportColumn<CoveredTheme>("Chủ đề", t => t.Title),
            new ExportColumn<CoveredTheme>("Số bài", t => t.Articles)),
        ["uncovered"] = ExportTable.Of("Chủ đề chưa có bài", d.Uncovered,
            new ExportColumn<UncoveredTheme>("Mã", t => t.Code),
            new ExportColumn<UncoveredTheme>("Chủ đề", t => t.Title),
            new ExportColumn<UncoveredTheme>("Được giao", t => t.Assigned ? "có" : "không"),
            new ExportColumn<UncoveredTheme>("Từ ngày", t => t.From),
            new ExportColumn<UncoveredTheme>("Đến ngày", t => t.To)),
        ["recent"] = ExportTable.Of("Bài gần đây", d.Recent,
            new ExportColumn<ListedArticle>("Ngày", a => DateOnly.ParseExact(a.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new ExportColumn<ListedArticle>("Tiêu đề", a => a.Title),
            new ExportColumn<ListedArticle>("Chuyên mục", a => a.Section),
            new ExportColumn<ListedArticle>("Chủ đề được tính", a => string.Join(", ", a.Themes)),
            new ExportColumn<ListedArticle>("Địa chỉ", a => a.Url)),
    };
}
