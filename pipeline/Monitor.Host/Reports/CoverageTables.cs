using System.Globalization;
using Monitor.Wording;
using Monitor.Storage.Coverage;

namespace Monitor.Host.Reports;

/// <summary>Coverage, quota, gap and event answers laid out as report tables with Vietnamese headings.</summary>
internal static class CoverageTables
{
    public static ReportTable Coverage(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var periods = report.Cells.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (code, title) in report.Themes)
        {
            var cells = report.Cells.Where(c => c.Theme == code).ToList();
            if (cells.Count == 0)
            {
                rows.Add([code, title, CoverageWords.Gap(GapKind.Uncovered), .. periods.Select(_ => "0"), "0"]);
                continue;
            }

            foreach (var outlet in cells.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal))
            {
                var counts = periods.Select(p => cells.FirstOrDefault(c => c.Outlet == outlet && c.Period == p)?.Articles ?? 0).ToList();
                rows.Add([code, title, outlet, .. counts.Select(N), N(counts.Sum())]);
            }
        }

        var range = report.Query.From is null && report.Query.To is null ? "" : $", từ {D(report.Query.From)} đến {D(report.Query.To)}";
        return new ReportTable($"Độ phủ kế hoạch {report.PlanId} (phiên bản {report.PlanVersion}){range}",
            ["Mã", "Chủ đề", "Cơ quan báo chí", .. periods.Select(CoverageWords.Period), "Tổng"], rows,
            [$"Đã có bài cho {report.CoveredThemes}/{report.Themes.Count} chủ đề; {report.ArticlesStored} bài đã lưu."]);
    }

    public static ReportTable Quotas(string planId, int version, DateOnly asOf, IReadOnlyList<QuotaStatus> quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        var rows = quotas.Select(q => (IReadOnlyList<string>)
        [
            N(q.Quota + 1), CoverageWords.Theme(q.Theme), CoverageWords.Outlet(q.Outlet), CoverageWords.Rate(q),
            q.To is null ? $"từ {D(q.From)}" : $"{D(q.From)} – {D(q.To)}", N(q.PeriodsElapsed), N(q.Required), N(q.Delivered), N(q.Remaining), CoverageWords.Progress(q.Progress), q.Section ?? "",
            string.Join(' ', q.ArticleIds ?? []),
        ]).ToList();
        var behind = quotas.Count(q => !q.OnTrack);
        return new ReportTable($"Chỉ tiêu kế hoạch {planId} (phiên bản {version}) đến hết ngày {D(asOf)}",
            ["Chỉ tiêu", "Chủ đề", "Cơ quan báo chí", "Định mức", "Thời gian", "Số kỳ", "Phải có", "Đã có", "Còn thiếu", "Tình trạng", "Chuyên mục", "Bài được tính"],
            rows, [$"{quotas.Count - behind}/{quotas.Count} chỉ tiêu đúng tiến độ, {behind} chậm tiến độ."]);
    }

    public static ReportTable Gaps(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Themes.Select(t => (IReadOnlyList<string>)
        [
            t.Code, t.Title, CoverageWords.Gap(t.Kind), string.Join(", ", t.Outlets), N(t.Articles), N(t.Stories), D(t.FirstDay),
            t.LatencyDays is { } l ? N(l) : "", (CoverageWords.SourceNote(t) is { } note ? note + ". " : "") + string.Join("; ", t.Health.Select(h => $"{h.Outlet}: {CoverageWords.Health(h)}")),
        ]).ToList();
        var gaps = report.Gaps.ToList();
        return new ReportTable($"Khoảng trống kế hoạch {report.PlanId} (phiên bản {report.PlanVersion}) đến hết ngày {D(report.AsOf)}",
            ["Mã", "Chủ đề", "Tình trạng", "Cơ quan đã đưa tin", "Số bài", "Tin gốc (bản đăng lại tính một lần)", "Bài đầu tiên", "Độ trễ (ngày)", "Cơ quan còn thiếu và nguồn tin"],
            rows,
            [$"{gaps.Count(g => g.Kind == GapKind.Uncovered)} chủ đề chưa có bài, {gaps.Count(g => g.Kind == GapKind.SingleOutlet)} chủ đề chỉ một cơ quan đưa tin; độ trễ tính từ ngày ban hành {D(report.Issued)}."]);
    }

    public static ReportTable Events(string planId, int version, int days, IReadOnlyList<EventCoverage> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Select(e => (IReadOnlyList<string>)
        [
            D(e.Date), e.Title, $"{D(e.From)} – {D(e.To)}", N(e.Articles), string.Join(", ", e.Outlets.Select(o => $"{o.Outlet}: {o.Articles}")),
        ]).ToList();
        return new ReportTable($"Sự kiện kế hoạch {planId} (phiên bản {version}), {days} ngày trước và sau",
            ["Ngày", "Sự kiện", "Khoảng ngày", "Số bài", "Theo cơ quan báo chí"], rows,
            [$"{events.Count(e => e.Articles == 0)}/{events.Count} sự kiện không có bài nào của kế hoạch trong khoảng ngày."]);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly? d) => d is { } day ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
}
