using System.Globalization;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards;

/// <summary>The one place the dashboards take Vietnamese wording of coverage answers from (labels of gaps, source
/// states, quota states), and format numbers and days the Vietnamese way.</summary>
internal static class Wording
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Gap(ThemeGap gap) => gap.Label;

    public static string? GapNote(ThemeGap gap) => gap.SourceNote;

    public static string Health(OutletHealth health) => health.Label;

    public static string Quota(QuotaStatus quota) => quota.Status;

    public static string Rate(QuotaStatus quota) => quota.Rate;

    /// <summary>1.234.567</summary>
    public static string N(long n) => n.ToString("N0", Vi);

    /// <summary>15/11/2024</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2024-W46" → "Tuần 46/2024"; "2024-11" → "Tháng 11/2024"; "window" → "Cả đợt".</summary>
    public static string Period(string key) => key switch
    {
        "window" => "Cả đợt",
        { Length: 7 } m when m[4] == '-' => $"Tháng {m[5..]}/{m[..4]}",
        { Length: 8 } w when w[4] == '-' => $"Tuần {w[6..]}/{w[..4]}",
        _ => key,
    };
}
