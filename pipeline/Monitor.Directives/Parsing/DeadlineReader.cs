using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Reporting deadlines: "trước ngày 15 tháng 12 năm 2024" (once), "trước ngày 25 hằng tháng" (monthly).</summary>
internal static partial class DeadlineReader
{
    [GeneratedRegex(@"trước\s+ngày\s+(?:(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>20\d{2})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>20\d{2})|(?<r>\d{1,2})\s+(?:hằng|hàng)\s+tháng)", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlinePattern();

    public static IEnumerable<Deadline> Read(string paragraph)
    {
        foreach (Match m in DeadlinePattern().Matches(paragraph))
        {
            var sentence = Sentence(paragraph, m.Index);
            yield return m.Groups["r"].Success
                ? new Deadline { Recurrence = "monthly:" + int.Parse(m.Groups["r"].Value, CultureInfo.InvariantCulture), Text = sentence }
                : new Deadline { Date = TextTools.ToDate(m), Text = sentence };
        }
    }

    private static string Sentence(string text, int at)
    {
        var start = text.LastIndexOfAny(['.', ';'], Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(['.', ';'], at);
        return text[start..(end < 0 ? text.Length : end)].Trim(' ', '(', ')');
    }
}
