using System.Globalization;
using Monitor.Wording;
using Monitor.Storage.Crawl;
using static Monitor.Dashboards.PageLayout;

namespace Monitor.Dashboards;

/// <summary>The coverage page, rendered on the server: theme × outlet × week, quota status, the gaps, and source health
/// beside them (so a gap on a broken source shows as such).</summary>
internal static class CoveragePage
{
    public static string Render(IReadOnlyList<PlanAnswers> plans, IReadOnlyList<SourceHealthLine> health)
    {
        var html = Open("Độ phủ tuyên truyền", "/").Append("<h1>Độ phủ tuyên truyền theo kế hoạch</h1>");
        var attention = health.Where(h => h.NeedsAttention).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"sources\" class=\"{(attention.Count == 0 ? "ok" : "gap")}\"><a href=\"/sources\">Tình trạng nguồn</a>: ");
        html.Append(attention.Count == 0
            ? "mọi nguồn bình thường.</p>"
            : string.Create(CultureInfo.InvariantCulture, $"{attention.Count}/{health.Count} nguồn cần chú ý ({E(string.Join(", ", attention.Select(h => h.Source)))}).</p>"));
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
                var theme = $"<a href=\"{E(ThemePage.Path(report.PlanId, code))}\">{E(code)} {E(title)}</a>";
                if (cells.Count == 0)
                {
                    // The gap's source note travels with it: the analyst reads "maybe the feed" where they read "no article".
                    var note = answers.Gaps.Themes.FirstOrDefault(g => g.Code == code)is { } themeGap && CoverageWords.SourceNote(themeGap) is { } n ? $" <span class=\"note\">({E(n)})</span>" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<tr data-theme=\"{E(code)}\"><td>{theme}</td><td class=\"gap\" colspan=\"{weeks.Count + 1}\">chưa có bài{note}</td></tr>");
                    continue;
                }

                // A story other outlets ran again is one story: the theme says how many of its articles are copies.
                var gap = answers.Gaps.Themes.FirstOrDefault(g => g.Code == code);
                if (gap is { } t && t.Articles > t.Stories)
                {
                    theme += string.Create(CultureInfo.InvariantCulture, $" <span class=\"copies\">({t.Stories} tin gốc, {t.Articles - t.Stories} bản đăng lại)</span>");
                }

                foreach (var outlet in cells.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr data-theme=\"{E(code)}\"><td>{theme}</td><td>{E(outlet)}</td>");
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

        return Close(html);
    }
}
