using System.Globalization;
using Monitor.Wording;
using Monitor.Storage.Crawl;
using static Monitor.Dashboards.PageLayout;

namespace Monitor.Dashboards;

/// <summary>The source health page: per source last success, new articles per day, errors by kind, extraction
/// failures, silence beyond its rhythm and paused hosts; the sources needing attention first and marked.</summary>
internal static class SourceHealthPage
{
    public static string Render(IReadOnlyList<SourceHealthLine> lines, IReadOnlyList<PausedHost> paused)
    {
        var html = Open("Tình trạng nguồn", "/sources");
        var days = SourceHealthReport.Window.TotalDays.ToString("0", CultureInfo.InvariantCulture);
        var attention = lines.Count(l => l.NeedsAttention);
        html.Append("<h1>Tình trạng nguồn tin</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{attention}/{lines.Count} nguồn cần chú ý; {paused.Count} máy chủ đang tạm dừng. ");
        html.Append("Một chủ đề \"chưa có bài\" cần đối chiếu với các nguồn cần chú ý: có thể do nguồn lỗi chứ không do báo chí.</p>");
        if (lines.Count == 0)
        {
            html.Append("<p>Chưa có nguồn nào được thu thập. Chạy <code>monitor crawl</code>.</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"sources\"><thead><tr><th>Nguồn</th><th>Cơ quan báo chí</th><th>Tình trạng</th><th>Thành công gần nhất</th><th>Bài mới gần nhất</th><th>Bài mới/ngày ({days} ngày)</th><th>Nhịp thường</th><th>Lỗi theo loại ({days} ngày)</th><th>Lỗi trích xuất ({days} ngày)</th></tr></thead><tbody>");
            foreach (var l in lines.OrderByDescending(l => l.NeedsAttention).ThenBy(l => l.Source, StringComparer.Ordinal))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-source=\"{E(l.Source)}\"{(l.NeedsAttention ? " class=\"attention\"" : "")}><td>{E(l.Source)}</td><td>{E(l.Outlet)}</td><td class=\"status\">");
                html.Append(l.NeedsAttention
                    ? "<span class=\"badge\">Cần chú ý</span> " + string.Join("; ", SourceWords.Problems(l).Select(p => "<span class=\"gap\">" + E(p) + "</span>"))
                    : $"<span class=\"ok\">{SourceWords.Healthy}</span>");
                html.Append(CultureInfo.InvariantCulture, $"</td><td>{SourceWords.When(l.LastSuccess)}</td><td>{SourceWords.When(l.LastNewArticle)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{l.ArticlesPerDay.ToString("0.#", CultureInfo.InvariantCulture)}</td><td>{(l.UsualGap is { } g ? SourceWords.Gap(g) : "—")}</td>");
                var errors = l.ErrorsByKind.Count == 0 ? "—" : string.Join(", ", l.ErrorsByKind.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => $"{SourceWords.ErrorKind(e.Key)}: {e.Value}"));
                var extraction = SourceWords.Extraction(l);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"errors\">{E(errors)}</td><td class=\"extraction\">{E(extraction)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2>Máy chủ tạm dừng</h2>");
        if (paused.Count == 0)
        {
            html.Append("<p class=\"ok\">Không có máy chủ nào đang tạm dừng.</p>");
        }
        else
        {
            html.Append("<table class=\"paused\"><thead><tr><th>Máy chủ</th><th>Tạm dừng đến</th><th>Lỗi liên tiếp</th><th>Lỗi gần nhất</th><th>Nguồn bị ảnh hưởng</th></tr></thead><tbody>");
            foreach (var p in paused)
            {
                var sources = lines.Where(l => l.PausedHosts.Any(h => h.Host == p.Host)).Select(l => l.Source);
                html.Append(CultureInfo.InvariantCulture, $"<tr data-host=\"{E(p.Host)}\"><td>{E(p.Host)}</td><td>{SourceWords.When(p.Until)}</td><td class=\"n\">{p.Failures}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(p.LastError ?? "—")}</td><td>{E(string.Join(", ", sources))}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return Close(html);
    }
}
