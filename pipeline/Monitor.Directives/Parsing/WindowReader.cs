using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.Time;

namespace Monitor.Directives.Parsing;

/// <summary>Reads the time window a heading or sentence states ("từ tuần thứ 46 năm 2024", "từ nay đến hết năm
/// 2024", "năm 2022 và các năm tiếp theo", "từ đầu năm 2025 đến Đại hội XIV").</summary>
internal static partial class WindowReader
{
    [GeneratedRegex(@"từ\s+tuần\s+(?:thứ\s+)?(?<w>\d{1,2})(?:\s+năm\s+|\s*/\s*)(?<y>20\d{2})(?:\s+đến(?:\s+hết)?\s+tuần\s+(?:thứ\s+)?(?<w2>\d{1,2})(?:(?:\s+năm\s+|\s*/\s*)(?<y2>20\d{2}))?)?", RegexOptions.IgnoreCase)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"từ\s+nay\s+đến\s+(?:hết\s+)?(?:(?:cuối\s+)?năm\s+(?<y>20\d{2})|(?<open>\p{L}))", RegexOptions.IgnoreCase)]
    private static partial Regex UntilPattern();

    [GeneratedRegex(@"năm\s+(?<y>20\d{2})\s+và\s+các\s+năm\s+tiếp\s+theo", RegexOptions.IgnoreCase)]
    private static partial Regex OnwardPattern();

    [GeneratedRegex(@"từ\s+(?:đầu\s+)?năm\s+(?<y>20\d{2})(?:\s+đến\s+(?:hết\s+)?(?:năm\s+(?<y2>20\d{2})|(?<open>\p{L})))?", RegexOptions.IgnoreCase)]
    private static partial Regex FromYearPattern();

    [GeneratedRegex(@"\bnăm\s+(?<y>20\d{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleYearPattern();

    /// <summary>The window a text states, or null; "từ nay" (from now) starts at <paramref name="now"/>.</summary>
    public static DateWindow? Read(string text, DateOnly? now)
    {
        if (WeekPattern().Match(text) is { Success: true } w)
        {
            var from = new IsoWeek(Int(w, "y"), Int(w, "w")).Monday;
            DateOnly? to = w.Groups["w2"].Success ? new IsoWeek(w.Groups["y2"].Success ? Int(w, "y2") : Int(w, "y"), Int(w, "w2")).Sunday : null;
            return new DateWindow { From = from, To = to };
        }

        var matches = new (Regex Pattern, Func<Match, DateWindow> Window)[]
        {
            (OnwardPattern(), m => new DateWindow { From = new DateOnly(Int(m, "y"), 1, 1) }),
            (UntilPattern(), m => new DateWindow { From = now, To = m.Groups["y"].Success ? new DateOnly(Int(m, "y"), 12, 31) : null }),
            (FromYearPattern(), m => new DateWindow { From = new DateOnly(Int(m, "y"), 1, 1), To = m.Groups["y2"].Success ? new DateOnly(Int(m, "y2"), 12, 31) : null }),
        };
        var first = matches.Select(x => (Match: x.Pattern.Match(text), x.Window)).Where(x => x.Match.Success).OrderBy(x => x.Match.Index).FirstOrDefault();
        return first.Match is null ? null : first.Window(first.Match);
    }

    /// <summary>A plan titled "... năm 2024" covers the whole year.</summary>
    public static DateWindow? ReadTitle(string title) =>
        TitleYearPattern().Match(title) is { Success: true } m
            ? new DateWindow { From = new DateOnly(Int(m, "y"), 1, 1), To = new DateOnly(Int(m, "y"), 12, 31) }
            : Read(title, null);

    /// <summary>Whether a heading opens with its time span ("Từ nay đến hết năm 2021, tập trung ... sau:"):
    /// such a heading groups what follows instead of naming a theme.</summary>
    public static bool StartsWithWindow(string text) =>
        new[] { WeekPattern(), UntilPattern(), OnwardPattern(), FromYearPattern() }.Any(p => p.Match(text) is { Success: true, Index: 0 });

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
