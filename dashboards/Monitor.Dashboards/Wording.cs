using System.Globalization;
using Monitor.Storage.Coverage;
using Monitor.Wording;

namespace Monitor.Dashboards;

/// <summary>The pages' short names for the shared Vietnamese wording (Monitor.Wording, also used by the CLI reports),
/// plus Vietnamese number formatting.</summary>
internal static class Wording
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Gap(ThemeGap gap) => CoverageWords.Gap(gap.Kind);

    public static string? GapNote(ThemeGap gap) => CoverageWords.SourceNote(gap);

    public static string Health(OutletHealth health) => CoverageWords.Health(health);

    public static string Quota(QuotaStatus quota) => CoverageWords.Progress(quota.Progress);

    public static string Rate(QuotaStatus quota) => CoverageWords.Rate(quota);

    /// <summary>1.234.567</summary>
    public static string N(long n) => n.ToString("N0", Vi);

    public static string Day(DateOnly day) => CoverageWords.Day(day);

    /// <summary>A stored day key (2024-11-15) as the pages write days everywhere else (15/11/2024); anything else as it is.</summary>
    public static string Day(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? CoverageWords.Day(d) : day;

    public static string Period(string key) => CoverageWords.Period(key);
}
