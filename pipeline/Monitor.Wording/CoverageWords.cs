using System.Globalization;
using Monitor.Storage.Coverage;

namespace Monitor.Wording;

/// <summary>The Vietnamese words for coverage facts, one place for the CLI reports and the dashboard (the store
/// answers in enums, numbers and dates).</summary>
public static class CoverageWords
{
    public const string AllThemes = "mọi chủ đề";

    public const string AllOutlets = "mọi cơ quan";

    /// <summary>"2 tin, bài/tuần", as a directive writes it.</summary>
    public static string Rate(QuotaStatus quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        return Rate(quota.Count, quota.Unit, quota.Period);
    }

    /// <summary>"2 tin, bài/tuần": a quota's count, unit and period (week, month, quarter, year) as the pages say it.</summary>
    public static string Rate(int count, string unit, string period) => $"{count} {unit}/" + period switch
    {
        "week" => "tuần",
        "month" => "tháng",
        "quarter" => "quý",
        "year" => "năm",
        _ => period,
    };

    public static string Progress(QuotaProgress progress) => progress switch
    {
        QuotaProgress.Met => "đã đạt",
        QuotaProgress.OnTrack => "đúng tiến độ",
        _ => "chậm tiến độ",
    };

    public static string Theme(string? theme) => theme ?? AllThemes;

    public static string Outlet(string outlet) => outlet.Length == 0 ? AllOutlets : outlet;

    /// <summary>The press outlets together, as a sentence names them ("Đề nghị các cơ quan báo chí bổ sung ...").</summary>
    public const string AllPressOutlets = "các cơ quan báo chí";

    /// <summary>Who a quota binds, as the subject of a sentence: the outlet, or all press outlets when the quota names
    /// none; <paramref name="sentenceStart"/> capitalises the latter.</summary>
    public static string OutletSubject(string outlet, bool sentenceStart = false) =>
        outlet.Length != 0 ? outlet : sentenceStart ? "Các cơ quan báo chí" : AllPressOutlets;

    public static string Gap(GapKind kind) => kind switch
    {
        GapKind.Uncovered => "chưa có bài",
        GapKind.SingleOutlet => "chỉ một cơ quan",
        GapKind.NotStarted => "chưa đến thời gian",
        _ => "đã có bài",
    };

    /// <summary>Beside a gap whose missing outlets have an unhealthy source; null when there is nothing to say.</summary>
    public static string? SourceNote(ThemeGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return !gap.SourceMayExplain ? null
            : gap.Kind == GapKind.Uncovered ? "không có bài có thể do nguồn lỗi"
            : "thiếu cơ quan có thể do nguồn lỗi";
    }

    /// <summary>An outlet's sources as a gap report shows them.</summary>
    public static string Health(OutletHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.State switch
        {
            SourceState.Paused => $"nguồn tạm dừng: máy chủ {health.Paused?.Host} đến {SourceWords.When(health.Paused?.Until)} sau {health.Paused?.Failures} lần lỗi liên tiếp",
            SourceState.ExtractionFailing => "nguồn lỗi trích xuất: tải được trang nhưng không lấy được bài",
            SourceState.Failing => "nguồn lỗi: " + health.LastError,
            SourceState.Silent => health.LastArticleDay is { } d ? $"nguồn im lặng, bài gần nhất ngày {Day(d)}" : "nguồn im lặng, chưa có bài nào",
            SourceState.Untracked => "chưa có nguồn thu thập",
            _ => "nguồn bình thường",
        };
    }

    /// <summary>"2024-W46" → "Tuần 46/2024", "2025-W01" → "Tuần 1/2025" (as the outlet page and the summary write a
    /// week), "2024-11" → "Tháng 11/2024", "window" → "Cả đợt".</summary>
    public static string Period(string period) => period switch
    {
        "window" => "Cả đợt",
        { Length: 8 } when period[4..6] == "-W" => $"Tuần {period[6..].TrimStart('0')}/{period[..4]}",
        { Length: 7 } => $"Tháng {period[5..]}/{period[..4]}",
        _ => period,
    };

    /// <summary>A Vietnamese day as people write it ("15/11/2024").</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
