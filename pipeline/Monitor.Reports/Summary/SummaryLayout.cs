using System.Globalization;
using Monitor.Reports.Rendering;
using Monitor.Storage.Coverage;
using Monitor.Wording;

namespace Monitor.Reports.Summary;

/// <summary>The weekly summary as a leader reads it: one page of sections in a fixed order, then the annex for the
/// analyst. Wording only; every number is a field of <see cref="WeeklySummary"/>.</summary>
public static class SummaryLayout
{
    private const string None = "Không có.";

    public static ReportDocument Layout(WeeklySummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var week = Core.Time.IsoWeek.Parse(s.Week);
        var blocks = new List<Block>
        {
            new Paragraph($"{s.Directive} — kế hoạch {s.Plan} (phiên bản {s.PlanVersion}); số liệu đến hết ngày {D(s.AsOf)}."),
        };
        if (s.Narrative is { } narrative)
        {
            blocks.Add(new Paragraph(narrative));
        }

        var delta = s.Articles - s.ArticlesPreviousWeek;
        blocks.Add(new Heading(1, "Tổng quan"));
        blocks.Add(new Items(
        [
            new($"{s.Articles} tin, bài về các chủ đề của kế hoạch ({Change(delta)} so với tuần trước: {s.ArticlesPreviousWeek})."),
            new($"Đã có bài {s.ThemesCovered.Count}/{s.ThemesTotal} chủ đề"
                + (s.ThemesUncovered.Count > 0 ? $"; chưa có bài: {string.Join(", ", s.ThemesUncovered)}" : "")
                + (s.SingleOutlet.Count > 0 ? $"; chỉ một cơ quan đưa tin: {string.Join(", ", s.SingleOutlet)}" : "") + "."),
            new(s.Outlets.Count == 0 ? "Chưa cơ quan nào đưa tin." : $"{s.Outlets.Count} cơ quan đưa tin: {string.Join(", ", s.Outlets.Select(o => $"{o.Outlet} ({o.Articles})"))}."),
            new($"{s.OriginalStories} tin gốc, {s.SyndicatedCopies} bản đăng lại."),
        ]));

        blocks.Add(new Heading(1, "Theo chủ đề"));
        blocks.Add(s.Themes.Count == 0 ? new Paragraph("Không có chủ đề nào trong thời gian thực hiện tuần này.") : new Items(s.Themes.Select(t => new Item(
            $"{t.Code} {t.Title}: " + t.Status switch
            {
                ThemeStatus.Uncovered => CoverageWords.Gap(GapKind.Uncovered),
                ThemeStatus.SingleOutlet => $"chỉ một cơ quan — {Outlets(t)}",
                _ => Outlets(t),
            } + $" (tuần trước {t.ArticlesPreviousWeek}, {Change(t.Articles - t.ArticlesPreviousWeek)}).")).ToList()));

        blocks.Add(new Heading(1, "Chỉ tiêu chậm tiến độ"));
        blocks.Add(s.QuotasBehind.Count == 0 ? new Paragraph(None) : new Items(s.QuotasBehind.Select(q => new Item(
            $"{CoverageWords.OutletSubject(q.Outlet, sentenceStart: true)} — {q.Rate}{(q.Theme is { } c ? $", chủ đề {c}" : "")}: phải có {q.Required}, đã có {q.Delivered}, còn thiếu {q.Remaining}. «{q.Quota}»")).ToList()));

        blocks.Add(new Heading(1, "Bài tiêu biểu"));
        blocks.Add(s.Stories.Count == 0 ? new Paragraph(None) : new Items(s.Stories.Select(n => new Item(
            $"{n.Theme}: ", n.Title, n.Url, $" — {n.Outlet}, {D(n.Date)}" + (n.Copies > 0 ? $", {n.Copies} bản đăng lại" : ""))).ToList()));

        blocks.Add(new Heading(1, "Văn bản được dẫn nhiều nhất"));
        blocks.Add(s.References.Count == 0 ? new Paragraph(None) : new Items(s.References.Select(r => new Item(
            $"{r.Number}{(r.Title is { } t ? $" ({t})" : "")}: {r.Articles} bài" + (r.InPlan ? "" : " (ngoài kế hoạch)") + ".")).ToList()));

        blocks.Add(new Heading(1, $"Tuần tới ({D(week.Monday.AddDays(7))} – {D(week.Sunday.AddDays(7))})"));
        blocks.Add(s.Upcoming.Count == 0 ? new Paragraph(None) : new Items(s.Upcoming.Select(u => new Item(u.Kind == UpcomingKind.Deadline
            ? $"Nhắc hạn báo cáo {D(u.Date)}: {u.Text}"
            : $"{D(u.Date)}: {u.Text}")).ToList()));

        blocks.Add(new Heading(1, "Nguồn tin cần chú ý"));
        // The frame is said: Nguồn tin judges the same sources now, and counts every source, not only the plan's outlets'.
        var frame = $"Nguồn tin của các cơ quan báo chí trong kế hoạch, {SourceWords.JudgedOn(s.AsOf)}";
        if (s.SourcesAttention.Count == 0)
        {
            blocks.Add(new Paragraph($"{frame}: thu thập bình thường."));
        }
        else
        {
            blocks.Add(new Paragraph($"{frame}:"));
            blocks.Add(new Items(s.SourcesAttention.Select(a => new Item($"{a.Outlet}: {a.State}.")).ToList()));
        }

        blocks.Add(new Heading(1, "Đề xuất"));
        blocks.Add(s.Recommendations.Count == 0 ? new Paragraph(None) : new Items(s.Recommendations.Select(r => new Item(r)).ToList()));

        blocks.Add(new Heading(1, "Phụ lục: số bài theo chủ đề và cơ quan"));
        blocks.Add(new Table(["Mã", "Chủ đề", "Cơ quan báo chí", "Tuần này", "Tuần trước (cả chủ đề)"],
            s.Themes.SelectMany(t => t.Outlets.Count == 0
                ? [(IReadOnlyList<string>)[t.Code, t.Title, CoverageWords.Gap(GapKind.Uncovered), "0", N(t.ArticlesPreviousWeek)]]
                : t.Outlets.Select(o => (IReadOnlyList<string>)[t.Code, t.Title, o.Outlet, N(o.Articles), N(t.ArticlesPreviousWeek)])).ToList()));
        return new ReportDocument($"Tóm tắt tuần {week.Week}/{week.Year} ({D(week.Monday)} – {D(week.Sunday)})", blocks);
    }

    private static string Outlets(ThemeWeek t) => string.Join(", ", t.Outlets.Select(o => $"{o.Outlet} {o.Articles}"));

    private static string Change(int delta) => delta switch
    {
        > 0 => $"tăng {delta}",
        < 0 => $"giảm {-delta}",
        _ => "không đổi",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
