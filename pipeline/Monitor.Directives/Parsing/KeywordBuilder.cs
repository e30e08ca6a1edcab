using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.References;

namespace Monitor.Directives.Parsing;

/// <summary>What the tagger looks for, per theme: the title's key phrase and its clauses, slogans in quotes and
/// their clauses, short names of congresses and anniversaries, the press phrases of known subjects
/// (<see cref="TopicLexicon"/>), named documents, laws and events. Clauses that say nothing on their own ("Luật
/// sửa đổi", "chữa cháy", "đảng viên", "địa bàn tỉnh") are left out: every other article has them. An analyst adds
/// and removes; the import must be usable untouched.</summary>
internal static partial class KeywordBuilder
{
    private const int Max = 32;

    [GeneratedRegex(@"[“""]([^“”""]{4,140})[”""]")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^(?:(?:tuyên truyền|thông tin|truyền thông|tiếp tục|đẩy mạnh|quán triệt|tăng cường|tập trung|kết quả|thực hiện|tổ chức|về|các|những|việc|rộng rãi|kỷ niệm|nâng cao nhận thức)[,\s]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    // Heads that say what to do about a subject, not the subject: "Phòng ngừa ngộ độc thực phẩm" is about "ngộ độc thực phẩm".
    [GeneratedRegex(@"^(?:phòng ngừa|phòng chống|phòng, chống|bảo đảm|đảm bảo|phổ biến|hưởng ứng)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ActionHead();

    [GeneratedRegex(@"\s*(?:[,;:–]|\s-\s|\svà\s|\strong\s|\strên\s|\sđối với\s|\scho\s|\stheo\s|\ssử dụng\s|\stừ nay đến\s|\snhất là\s|\ssau\s)\s*")]
    private static partial Regex ClauseBreak();

    // "kinh tế - xã hội", "Văn hóa - Du lịch": one compound, not two clauses.
    [GeneratedRegex(@"\b(kinh tế|văn hóa|văn hoá|quốc phòng|khoa học|giáo dục) - (xã hội|du lịch|an ninh|công nghệ|đào tạo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Compound();

    // "(1954 - 2024)", "(ngày 22/12/1944 - 22/12/2024)": dates in brackets are not words anyone writes again.
    [GeneratedRegex(@"\s*\([^()]*\d{4}[^()]*\)")]
    private static partial Regex BracketedYears();

    [GeneratedRegex(@"Đại hội (?:đại biểu )?(?:toàn quốc )?lần thứ ([IVXLC]+)(?: của Đảng)?", RegexOptions.IgnoreCase)]
    private static partial Regex Congress();

    [GeneratedRegex(@"\bKỳ họp thứ (\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Session();

    // "70 năm sự kiện Tập kết ra Bắc": the event itself is what articles name.
    [GeneratedRegex(@"\d+ năm (?:sự kiện|ngày) (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Anniversary();

    /// <summary>Folded phrases that never stand alone as evidence of a theme.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "luat sua doi", "cac luat sua doi", "phong chay", "chua chay", "cuu nan", "cuu ho", "phong chay chua chay",
        "dia ban", "dia ban tinh", "tren dia ban tinh", "doi ngu can bo", "can bo", "dang vien", "can bo dang vien",
        "chu de lon", "ngay ky niem", "cac ngay ky niem", "nhan dan", "quan chung nhan dan", "trong tam", "kinh te", "xa hoi",
        "quoc phong", "an ninh", "doi ngoai", "cac cap", "nguoi dan", "dia phuong", "nhiem vu chinh tri",
    };

    private static readonly string[] Numerals = ["", "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

    public static List<string> Build(Theme theme, string ownText, IEnumerable<PlanEvent> events)
    {
        var keywords = new List<string>();
        var title = LeadingFiller().Replace(BracketedYears().Replace(TextTools.WithoutMarks(theme.Title), ""), "").Trim();
        if (!title.EndsWith('…'))
        {
            Add(keywords, Words(title) <= 8 ? title : null);
            Add(keywords, Words(title) <= 8 ? ActionHead().Replace(title, "") : null);
        }

        foreach (var clause in Clauses(title))
        {
            Add(keywords, Words(clause) is >= 2 and <= 6 ? clause : null);
            Add(keywords, Words(clause) is >= 2 and <= 6 ? ActionHead().Replace(clause, "") : null);
            var anniversary = Anniversary().Match(clause);
            Add(keywords, anniversary.Success && Words(anniversary.Groups[1].Value) >= 2 ? anniversary.Groups[1].Value : null);
        }

        var all = theme.Title + " " + theme.Description;
        foreach (Match q in QuotePattern().Matches(all))
        {
            var quoted = Regex.Replace(q.Groups[1].Value.Trim(' ', '.', ',', '!'), @"^về\s+", "");
            Add(keywords, Words(quoted) is >= 2 and <= 8 ? quoted : null);
            if (Words(quoted) > 4 && !q.Groups[1].Value.TrimStart().StartsWith("về ", StringComparison.OrdinalIgnoreCase))
            {
                // A long slogan is never written out whole in the news; its clauses are. A quoted document title
                // ("về ban hành Quy chế …") is not a slogan: its clauses are the words of every resolution.
                foreach (var clause in Clauses(quoted))
                {
                    Add(keywords, Words(clause) is >= 3 and <= 6 ? clause : null);
                }
            }
        }

        foreach (Match m in Congress().Matches(all))
        {
            Add(keywords, $"Đại hội {m.Groups[1].Value}");
            Add(keywords, $"Đại hội đại biểu toàn quốc lần thứ {m.Groups[1].Value}");
        }

        foreach (Match m in Session().Matches(all))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Add(keywords, $"Kỳ họp thứ {n}");
            Add(keywords, n < Numerals.Length ? $"Kỳ họp thứ {Numerals[n]}" : null);
        }

        var folded = TextTools.Fold(all);
        foreach (var (triggers, phrases) in TopicLexicon.Entries)
        {
            if (triggers.Any(t => TextTools.ContainsWords(folded, TextTools.Fold(t))))
            {
                phrases.ToList().ForEach(p => Add(keywords, p));
            }
        }

        foreach (var law in LawNameExtractor.Find(ownText))
        {
            Add(keywords, law.Name);
        }

        foreach (var e in events)
        {
            var name = BracketedYears().Replace(e.Title, "").Trim();
            Add(keywords, name);
            foreach (var part in name.Split(" - ", StringSplitOptions.TrimEntries))
            {
                Add(keywords, Words(part) >= 3 ? part : null);
                Add(keywords, part.EndsWith(" Việt Nam", StringComparison.Ordinal) && Words(part) >= 5 ? part[..^" Việt Nam".Length] : null);
            }
        }

        foreach (var number in DocumentReferenceExtractor.FindNumbers(ownText))
        {
            Add(keywords, number.Number);
        }

        return keywords.Take(Max).ToList();
    }

    /// <summary>The things a theme's description enumerates ("Sâm Ngọc Linh; … sản phẩm OCOP; … biến đổi khí hậu"),
    /// for themes scoped to a province: there the province's anchor is their qualifying context. Elsewhere a
    /// description's clauses are too common to count alone.</summary>
    public static void AddEnumerated(Theme theme)
    {
        foreach (var sentence in (theme.Description ?? "").Split(['.', '\n', '…'], StringSplitOptions.RemoveEmptyEntries))
        {
            var items = sentence.Contains(':', StringComparison.Ordinal) ? sentence[(sentence.IndexOf(':', StringComparison.Ordinal) + 1)..] : sentence;
            foreach (var clause in Clauses(TextTools.WithoutMarks(items)))
            {
                var item = ActionHead().Replace(clause, "").Trim();
                Add(theme.Keywords, Words(item) is >= 2 and <= 5 ? item : null);
            }
        }
    }

    /// <summary>Leaves out keywords that are sentence fragments or only generic words, and turns a broad single word
    /// into a rule that counts it only in the title or lead (<see cref="KeywordQuality"/>).</summary>
    public static void Refine(Theme theme)
    {
        var broad = theme.Keywords.Where(k => KeywordQuality.IsBroad(k) && !KeywordQuality.SaysNothing(k)).ToList();
        theme.Keywords.RemoveAll(k => KeywordQuality.Problem(k) is not null);
        if (broad.Count > 0)
        {
            var rules = broad.Select(KeywordQuality.TitleOrLeadRule).ToList();
            theme.Rules = [.. theme.Rules ?? [], .. rules.Except(theme.Rules ?? [])];
        }
    }

    private static IEnumerable<string> Clauses(string text)
    {
        var protectedText = Compound().Replace(text, m => $"{m.Groups[1].Value}\u2011{m.Groups[2].Value}");
        foreach (var clause in ClauseBreak().Split(protectedText))
        {
            yield return LeadingFiller().Replace(clause, "").Trim(' ', '.', '(', ')').Replace("\u2011", " - ", StringComparison.Ordinal);
        }
    }

    private static int Words(string? s) => s is null ? 0 : s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w != "-");

    private static void Add(List<string> keywords, string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase) || phrase.Contains('…', StringComparison.Ordinal))
        {
            return;
        }

        var key = TextTools.Fold(phrase);
        if (key.Length >= 4 && !Generic.Contains(key) && !keywords.Any(k => TextTools.Fold(k) == key))
        {
            keywords.Add(phrase.Trim());
        }
    }
}
