using System.Globalization;
using Monitor.Core.Time;
using Monitor.Storage.Crawl;

namespace Monitor.Wording;

/// <summary>The Vietnamese words for source health, one place for <c>monitor health</c> and the /sources page.</summary>
public static class SourceWords
{
    public const string Healthy = "bình thường";

    /// <summary>Each problem of a source with its details, in the order the line lists them.</summary>
    public static IReadOnlyList<string> Problems(SourceHealthLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var notes = new List<string>();
        foreach (var problem in line.Problems)
        {
            switch (problem)
            {
                case SourceProblem.NeverCrawled:
                    notes.Add("chưa thu thập");
                    break;
                case SourceProblem.NeverSucceeded:
                    notes.Add("chưa lần nào thành công");
                    break;
                case SourceProblem.Failing:
                    notes.Add("lần thu thập gần nhất lỗi: " + line.LastError);
                    break;
                case SourceProblem.HostPaused:
                    notes.AddRange(line.PausedHosts.Select(Paused));
                    break;
                case SourceProblem.Silent:
                    notes.Add($"im lặng từ {When(line.LastNewArticle)} (thường {(line.UsualGap is { } g ? Gap(g) : "—")} có bài mới)");
                    break;
                case SourceProblem.Drift:
                    notes.Add("trích xuất đột ngột thất bại: kiểm tra giao diện trang hoặc hồ sơ trích xuất");
                    break;
                case SourceProblem.ExtractionFailing:
                    notes.Add($"không trích xuất được bài nào trong {SourceHealthReport.Window.TotalDays:0} ngày ({line.EmptyBodies} trang không có bài)");
                    break;
            }
        }

        return notes;
    }

    /// <summary>The problems joined for one cell, or "bình thường".</summary>
    public static string Status(SourceHealthLine line) => line is { NeedsAttention: true } ? string.Join("; ", Problems(line)) : Healthy;

    public static string Paused(PausedHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return $"máy chủ {host.Host} tạm dừng đến {When(host.Until)} sau {host.Failures} lần lỗi liên tiếp";
    }

    /// <summary>The kinds of crawl events (<c>crawl_events.kind</c>) as people read them.</summary>
    public static string ErrorKind(string kind) => kind switch
    {
        "http-4xx" => "HTTP 4xx",
        "http-5xx" => "HTTP 5xx",
        "timeout" => "quá thời gian",
        "connection" => "không kết nối",
        "robots" => "robots.txt cấm",
        "too-large" => "trang quá lớn",
        "redirects" => "chuyển hướng",
        "throttled" => "bị giới hạn (429/503)",
        "paused" => "máy chủ tạm dừng",
        "truncated" => "trả lời bị cắt",
        "format" => "feed/sitemap hỏng",
        "refused" => "địa chỉ nội bộ bị từ chối",
        "crash" => "lỗi không lường trước",
        _ => kind,
    };

    /// <summary>Page-level extraction counts, or "—".</summary>
    public static string Extraction(SourceHealthLine line) =>
        line is null || line.EmptyBodies + line.MissingDates == 0 ? "—" : $"{line.EmptyBodies} trang không có bài, {line.MissingDates} bài thiếu ngày";

    /// <summary>The frame of a source state judged at this instant (Nguồn tin, the overview's tile): "tại thời điểm
    /// hiện tại (07/12/2026 18:30)". Said beside every judgement, since the gaps and the weekly summary judge the same
    /// sources on their as-of day (<see cref="JudgedOn"/>) and may differ.</summary>
    public static string JudgedNow(DateTimeOffset now) => $"tại thời điểm hiện tại ({When(now)})";

    /// <summary>The frame of a source state judged on a report's as-of day: "tính đến ngày 31/12/2024".</summary>
    public static string JudgedOn(DateOnly day) => $"tính đến ngày {CoverageWords.Day(day)}";

    /// <summary>A Vietnamese local time as people read it ("30/11/2026 08:15").</summary>
    public static string When(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A rhythm as people say it: "2 giờ", "1,5 ngày", "20 phút".</summary>
    public static string Gap(TimeSpan gap) => gap.TotalHours >= 24 ? $"{NumberWords.Fraction(gap.TotalDays, "0.#")} ngày" : gap.TotalHours >= 1 ? $"{NumberWords.Fraction(gap.TotalHours, "0.#")} giờ" : $"{NumberWords.Fraction(gap.TotalMinutes, "0")} phút";
}
