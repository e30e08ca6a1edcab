using System.Text.RegularExpressions;

namespace Monitor.Directives.Parsing;

/// <summary>Splits raw directive text into documents of outline blocks: re-joins lines wrapped by layout or OCR and
/// paragraphs cut by a page break, sets footnotes aside, and drops the closing "Nơi nhận" and signature.</summary>
internal static partial class BlockReader
{
    [GeneratedRegex(@"^(?<l>[IVX]{1,4})\s*[.\-–]\s*(?<t>\p{Lu}.*)$")]
    private static partial Regex RomanPattern();

    [GeneratedRegex(@"^(?<l>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?<t>\S.*)$|^(?<l>\d{1,2})[.)]\s+(?<t>\S.*)$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<l>[a-gđ])\)\s*(?<t>\S.*)$")]
    private static partial Regex LetterPattern();

    [GeneratedRegex(@"^[-–•+]\s*(?<t>\S.*)$")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^\*+\s*(?<t>\p{Lu}.*)$")]
    private static partial Regex StarPattern();

    [GeneratedRegex(@"^(?<l>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?<t>\S.*)$")]
    private static partial Regex FootnotePattern();

    [GeneratedRegex(@"^(KẾ HOẠCH|CÔNG VĂN|CHỈ THỊ|HƯỚNG DẪN|THÔNG BÁO|NGHỊ QUYẾT|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỊNH HƯỚNG)$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^(Số\s*:|V/v\s|Về việc\s|Kính gửi)")]
    private static partial Regex HeaderLinePattern();

    [GeneratedRegex(@"^(Nơi nhận|Nơi gửi)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingPattern();

    /// <summary>Footnotes by mark ("¹") over the whole text: a footnote may be printed after the signature.</summary>
    public static Dictionary<string, string> Footnotes(IEnumerable<string> paragraphs)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            if (FootnotePattern().Match(p) is { Success: true } m)
            {
                notes.TryAdd(m.Groups["l"].Value, TextTools.Clean(m.Groups["t"].Value));
            }
        }

        return notes;
    }

    /// <summary>Paragraphs of the raw text, lines re-joined; one entry per paragraph.</summary>
    public static List<string> Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || StartsBlock(line) || TitlePattern().IsMatch(line))
            {
                Flush(paragraphs, current);
            }

            if (line.Length > 0)
            {
                current.Add(line);
            }
        }

        Flush(paragraphs, current);
        return JoinPageBreaks(paragraphs);
    }

    /// <summary>The documents of the text (a cover letter and the plan it forwards are two), each as blocks
    /// from its start to its "Nơi nhận".</summary>
    public static List<List<string>> Documents(List<string> paragraphs)
    {
        var documents = new List<List<string>> { new() };
        var closed = false;
        foreach (var p in paragraphs)
        {
            if (TitlePattern().IsMatch(p) && (closed || documents[^1].Count > 3))
            {
                documents.Add([]);
                closed = false;
            }

            if (ClosingPattern().IsMatch(p))
            {
                closed = true;
            }

            if (!closed && !FootnotePattern().IsMatch(p))
            {
                documents[^1].Add(p);
            }
        }

        return documents.Where(d => d.Count > 0).ToList();
    }

    public static Block ToBlock(string paragraph)
    {
        if (RomanPattern().Match(paragraph) is { Success: true } r)
        {
            return new Block(BlockKind.Roman, r.Groups["l"].Value, TextTools.Clean(r.Groups["t"].Value));
        }

        if (NumberPattern().Match(paragraph) is { Success: true } n)
        {
            return new Block(BlockKind.Number, n.Groups["l"].Value, TextTools.Clean(n.Groups["t"].Value));
        }

        if (LetterPattern().Match(paragraph) is { Success: true } l)
        {
            return new Block(BlockKind.Letter, l.Groups["l"].Value, TextTools.Clean(l.Groups["t"].Value));
        }

        if (StarPattern().Match(paragraph) is { Success: true } s)
        {
            return new Block(BlockKind.Star, "*", TextTools.Clean(s.Groups["t"].Value));
        }

        return BulletPattern().Match(paragraph) is { Success: true } b
            ? new Block(BlockKind.Bullet, "-", TextTools.Clean(b.Groups["t"].Value))
            : new Block(BlockKind.Text, "", TextTools.Clean(paragraph));
    }

    private static bool StartsBlock(string line) =>
        RomanPattern().IsMatch(line) || NumberPattern().IsMatch(line) || LetterPattern().IsMatch(line)
        || BulletPattern().IsMatch(line) || FootnotePattern().IsMatch(line) || ClosingPattern().IsMatch(line) || HeaderLinePattern().IsMatch(line)
        || (StarPattern().IsMatch(line) && !line.StartsWith("**T", StringComparison.Ordinal));

    private static void Flush(List<string> paragraphs, List<string> lines)
    {
        if (lines.Count > 0)
        {
            paragraphs.Add(string.Join(' ', lines));
            lines.Clear();
        }
    }

    // A paragraph that starts in lower case continues the last one that is not a footnote: the page broke there
    // and the footnotes of the page stand in between.
    private static List<string> JoinPageBreaks(List<string> paragraphs)
    {
        var joined = new List<string>();
        foreach (var p in paragraphs)
        {
            var first = p.TrimStart('*', '“', '"', ' ');
            var target = joined.FindLastIndex(x => !FootnotePattern().IsMatch(x));
            if (first.Length > 0 && char.IsLower(first[0]) && target >= 0 && !EndsSentence(joined[target]) && !IsCaps(joined[target]))
            {
                joined[target] = joined[target].TrimEnd() + " " + p;
                continue;
            }

            joined.Add(p);
        }

        return joined;
    }

    // A title line ("KẾ HOẠCH") is followed by its lower-case subject, which is not a continuation.
    private static bool IsCaps(string p) => !p.Any(char.IsLower);

    private static bool EndsSentence(string p) => p.TrimEnd('*', ' ').EndsWith('.') || p.EndsWith("./.", StringComparison.Ordinal);
}
