using System.Globalization;
using System.Text;
using Monitor.Wording;
using Monitor.Storage.Coverage;
using static Monitor.Dashboards.PageLayout;

namespace Monitor.Dashboards;

/// <summary>The quota board and the gap list of one plan on the coverage page, with source health beside each gap.</summary>
internal static class QuotaAndGapSections
{
    public static void Append(StringBuilder html, PlanAnswers answers)
    {
        var asOf = answers.Gaps.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<h3>Chỉ tiêu đến hết ngày {asOf}</h3>");
        if (answers.Quotas.Count == 0)
        {
            html.Append("<p>Kế hoạch không đặt chỉ tiêu.</p>");
        }
        else
        {
            html.Append("<table class=\"quotas\"><thead><tr><th>Chủ đề</th><th>Cơ quan báo chí</th><th>Định mức</th><th>Phải có</th><th>Đã có</th><th>Còn thiếu</th><th>Tình trạng</th></tr></thead><tbody>");
            foreach (var q in answers.Quotas)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-quota=\"{q.Quota + 1}\"><td>{E(CoverageWords.Theme(q.Theme))}</td><td>{E(CoverageWords.Outlet(q.Outlet))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(CoverageWords.Rate(q))}</td><td class=\"n\">{q.Required}</td><td class=\"n\">{q.Delivered}</td><td class=\"n\">{q.Remaining}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{(q.OnTrack ? "ok" : "gap")}\">{E(CoverageWords.Progress(q.Progress))}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        var gaps = answers.Gaps.Gaps.ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h3>Khoảng trống đến hết ngày {asOf}</h3>");
        if (gaps.Count == 0)
        {
            html.Append("<p>Mọi chủ đề đã đến thời gian đều có bài của ít nhất hai cơ quan.</p>");
            return;
        }

        html.Append("<table class=\"gaps\"><thead><tr><th>Chủ đề</th><th>Tình trạng</th><th>Cơ quan đã đưa tin</th><th>Độ trễ (ngày)</th><th>Tin gốc/bài</th><th>Cơ quan còn thiếu và nguồn tin</th></tr></thead><tbody>");
        foreach (var g in gaps)
        {
            var theme = $"<a href=\"{E(ThemePage.Path(answers.Gaps.PlanId, g.Code))}\">{E(g.Code)} {E(g.Title)}</a>";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-theme=\"{E(g.Code)}\"{(g.SourceMayExplain ? " class=\"attention\"" : "")}><td>{theme}</td><td class=\"gap\">{E(CoverageWords.Gap(g.Kind))}</td><td>{E(string.Join(", ", g.Outlets))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(g.LatencyDays is { } l ? l.ToString(CultureInfo.InvariantCulture) : "")}</td><td class=\"n\">{g.Stories}/{g.Articles}</td><td>");
            if (CoverageWords.SourceNote(g) is { } note)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">{E(note)}</div>");
            }

            html.AppendJoin("<br>", g.Health.Select(h => $"{E(h.Outlet)}: <span class=\"{(h.State == SourceState.Ok ? "ok" : "gap")}\">{E(CoverageWords.Health(h))}</span>"));
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
