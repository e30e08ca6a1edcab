using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Core.Text;

namespace Monitor.Directives.Parsing;

/// <summary>Small text helpers shared by the readers of a directive.</summary>
internal static partial class TextTools
{
    [GeneratedRegex(@"~~[^~]*~~|\*+|_\{[^}]*\}")]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex SpacesPattern();

    [GeneratedRegex(@"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")]
    private static partial Regex MarkPattern();

    // "01/11/2024", "05-02-2024", "27 tháng 02 năm 2024".
    [GeneratedRegex(@"(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})\s*[/\-.]\s*(?<y>(?:19|20)\d{2})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>(?:19|20)\d{2})")]
    public static partial Regex DatePattern();

    /// <summary>Removes emphasis and strike-through markup (the seeds are Markdown-ish) and extra spaces.</summary>
    public static string Clean(string text) => SpacesPattern().Replace(MarkupPattern().Replace(text, ""), " ").Trim();

    /// <summary>The text without footnote marks, for titles.</summary>
    public static string WithoutMarks(string text) => MarkPattern().Replace(text, "").Trim();

    /// <summary>Footnote marks ("¹", "²") standing in the text.</summary>
    public static IEnumerable<string> Marks(string text) => MarkPattern().Matches(text).Select(m => m.Value);

    public static string Fold(string text) => VietnameseFolding.Key(text);

    /// <summary>Whether the folded text contains the folded phrase as whole words.</summary>
    public static bool ContainsWords(string foldedText, string foldedPhrase) =>
        foldedPhrase.Length > 0 && $" {foldedText} ".Contains($" {foldedPhrase} ", StringComparison.Ordinal);

    public static DateOnly? ToDate(Match m) => ToDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);

    public static DateOnly? ToDate(string day, string month, string year)
    {
        if (!int.TryParse(day, CultureInfo.InvariantCulture, out var d) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, CultureInfo.InvariantCulture, out var y) || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateOnly(y, m, d);
    }

    /// <summary>Cuts a text at a word boundary so titles stay readable.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return (cut > max / 2 ? text[..cut] : text[..max]).TrimEnd(',', ';', ' ') + " …";
    }

    /// <summary>Content words of a folded text, without the words every directive repeats.</summary>
    public static HashSet<string> ContentWords(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Common.Contains(w) && w.Length > 1);
        return words.ToHashSet(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "tuyen", "truyen", "thong", "tin", "hoat", "dong", "ve", "va", "cac", "cua", "tren", "trong", "tinh", "kon", "tum",
        "thuc", "hien", "to", "chuc", "cho", "voi", "nhung", "mot", "so", "de", "tai", "theo", "nham", "cao", "nang",
        "quang", "ba", "tang", "cuong", "day", "manh", "tiep", "tuc", "chuyen", "muc", "dia", "ban", "nhan", "ky",
    };
}
