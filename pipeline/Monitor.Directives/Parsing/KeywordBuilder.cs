using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.References;

namespace Monitor.Directives.Parsing;

/// <summary>What the tagger looks for, per theme: the title's key phrase and its clauses, slogans in quotes,
/// named documents, laws and events. An analyst adds and removes; the import must be usable untouched.</summary>
internal static partial class KeywordBuilder
{
    private const int Max = 20;

    [GeneratedRegex(@"[“""]([^“”""]{4,140})[”""]")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^(?:(?:tuyên truyền|thông tin|truyền thông|tiếp tục|đẩy mạnh|quán triệt|tăng cường|tập trung|kết quả|thực hiện|tổ chức|về|các|những|việc|rộng rãi|kỷ niệm|nâng cao nhận thức)[,\s]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"\s*(?:[,;:–]|\s-\s|\svà\s|\strong\s|\strên\s|\sđối với\s|\scho\s|\stheo\s)\s*")]
    private static partial Regex ClauseBreak();

    public static List<string> Build(Theme theme, string ownText, IEnumerable<PlanEvent> events)
    {
        var keywords = new List<string>();
        var title = LeadingFiller().Replace(TextTools.WithoutMarks(theme.Title), "").Trim();
        Add(keywords, Words(title) <= 8 ? title : null);
        foreach (var clause in ClauseBreak().Split(title))
        {
            var c = LeadingFiller().Replace(clause, "").Trim(' ', '.', '(', ')');
            Add(keywords, Words(c) is >= 2 and <= 6 ? c : null);
        }

        var all = theme.Title + " " + theme.Description;
        foreach (Match q in QuotePattern().Matches(all))
        {
            var quoted = q.Groups[1].Value.Trim(' ', '.', ',', '!');
            Add(keywords, Words(quoted) is >= 2 and <= 14 ? Regex.Replace(quoted, @"^về\s+", "") : null);
        }

        foreach (var law in LawNameExtractor.Find(ownText))
        {
            Add(keywords, law.Name);
        }

        foreach (var number in DocumentReferenceExtractor.FindNumbers(ownText))
        {
            Add(keywords, number.Number);
        }

        foreach (var e in events)
        {
            Add(keywords, e.Title);
        }

        return keywords.Take(Max).ToList();
    }

    private static int Words(string? s) => s is null ? 0 : s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static void Add(List<string> keywords, string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return;
        }

        var key = TextTools.Fold(phrase);
        if (key.Length >= 4 && !keywords.Any(k => TextTools.Fold(k) == key))
        {
            keywords.Add(phrase.Trim());
        }
    }
}
