using System.Text.RegularExpressions;
using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Anniversaries with dates: "Ngày Nhà giáo Việt Nam (20/11)", "80 năm … (ngày 22/12/1944 - 22/12/2024)";
/// the event falls on the anniversary in the plan's year (the later date of a range).</summary>
internal static partial class EventReader
{
    [GeneratedRegex(@"\(\s*(?:ngày\s+)?(?<d1>\d{1,2})/(?<m1>\d{1,2})(?:/(?<y1>\d{4}))?(?:\s*[-–]\s*(?:ngày\s+)?(?<d2>\d{1,2})/(?<m2>\d{1,2})/(?<y2>\d{4}))?\s*\)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\d{1,3}\s+năm\s+\p{Lu}[^;:()]*$")]
    private static partial Regex AnniversaryStart();

    [GeneratedRegex(@"(?:kỷ niệm|chào mừng|tổng kết|hướng tới|hưởng ứng)\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EventLead();

    public static IEnumerable<PlanEvent> Read(string text, int year)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            var date = m.Groups["d2"].Success
                ? TextTools.ToDate(m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value)
                : TextTools.ToDate(m.Groups["d1"].Value, m.Groups["m1"].Value, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var title = Title(text[Math.Max(0, m.Index - 160)..m.Index]);
            if (date is { } d && title.Length >= 6)
            {
                yield return new PlanEvent { Date = d, Title = title };
            }
        }
    }

    private static string Title(string before)
    {
        var cut = before.LastIndexOfAny([';', ':', '(', ')', '.']);
        var title = before[(cut + 1)..];
        if (AnniversaryStart().Match(title) is { Success: true } a)
        {
            return a.Value.Trim();
        }

        var leads = EventLead().Matches(title);
        if (leads.Count > 0)
        {
            title = title[(leads[^1].Index + leads[^1].Length)..];
        }

        var and = title.LastIndexOf(" và ", StringComparison.Ordinal);
        if (and >= 0 && and + 4 < title.Length && char.IsUpper(title[and + 4]))
        {
            title = title[(and + 4)..];
        }

        return title.Trim(' ', ',', '-');
    }
}
