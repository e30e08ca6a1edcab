using System.Globalization;
using System.Text;
using Monitor.Storage.Crawl;

namespace Monitor.Dashboards;

/// <summary>The coverage page, rendered on the server: theme × outlet × week, quota status, the gaps, and source health
/// beside them (so a gap on a broken source shows as such).</summary>
internal static class CoveragePage
{
    public static string Render(IReadOnlyList<PlanAnswers> plans, IReadOnlyList<SourceHealth> health)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Monitor — Độ phủ tuyên truyền</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.n{text-align:right}.gap{color:#b00020;font-weight:600}
            .ok{color:#1b5e20}</style></head><body><h1>Độ phủ tuyên truyền theo kế hoạch</h1>
            """);
        if (plans.Count == 0)
        {
            html.Append("<p>Chưa có kế hoạch nào. Nạp kế hoạch bằng lệnh <code>monitor plan load</code>.</p>");
        }

        foreach (var answers in plans)
        {
            var report = answers.Coverage;
            var weeks = report.Cells.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<section data-plan=\"{E(report.PlanId)}\"><h2>Kế hoạch {E(report.PlanId)} (phiên bản {report.PlanVersion})</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">Đã có bài cho {report.CoveredThemes}/{report.Themes.Count} chủ đề; {report.ArticlesStored} bài đã lưu.</p>");
            html.Append("<table class=\"coverage\"><thead><tr><th>Chủ đề</th><th>Cơ quan báo chí</th>");
            foreach (var w in weeks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th>Tuần {w[6..]}/{w[..4]}</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var (code, title) in report.Themes)
            {
                var cells = report.Cells.Where(c => c.Theme == code).ToList();
                if (cells.Count == 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr data-theme=\"{E(code)}\"><td>{E(code)} {E(title)}</td><td class=\"gap\" colspan=\"{weeks.Count + 1}\">chưa có bài</td></tr>");
                    continue;
                }

                foreach (var outlet in cells.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr data-theme=\"{E(code)}\"><td>{E(code)} {E(title)}</td><td>{E(outlet)}</td>");
                    foreach (var w in weeks)
                    {
                        var n = cells.FirstOrDefault(c => c.Outlet == outlet && c.Period == w)?.Articles ?? 0;
                        html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(n == 0 ? "·" : n.ToString(CultureInfo.InvariantCulture))}</td>");
                    }

                    html.Append("</tr>");
                }
            }

            html.Append("</tbody></table>");
            QuotaAndGapSections.Append(html, answers);
            html.Append("</section>");
        }

        html.Append("<h2>Tình trạng nguồn tin</h2><table class=\"health\"><thead><tr><th>Nguồn</th><th>Lần thành công gần nhất</th><th>Số bài</th><th>Lỗi gần nhất</th></tr></thead><tbody>");
        foreach (var s in health)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Source)}</td><td>{(s.LastSuccess is { } t ? t.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "<span class=\"gap\">chưa lần nào</span>")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{s.ArticlesFound}</td><td>{(s.LastError is null ? "<span class=\"ok\">—</span>" : "<span class=\"gap\">" + E(s.LastError) + "</span>")}</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    // Vietnamese stays readable in the markup; only what HTML needs is escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string s) => Html.Encode(s);
}
