using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Monitor.Core.References;

/// <summary>Finds named laws ("Luật Cảnh vệ", "Luật sửa đổi, bổ sung một số điều của Luật Cảnh vệ") in a text.</summary>
public static partial class LawNameExtractor
{
    // A law name is "Luật" + a capitalised word + a few lower-case words; the lower-case tail is cut at the
    // first word that starts ordinary prose ("Luật Đấu thầu và Điều 83", "Luật Ngân sách và huy động").
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])Luật(?<words>(?:[ \t]+\p{Lu}[\p{Ll}\p{Mn}]*)(?:[ \t]+\p{Ll}[\p{Ll}\p{Mn}]*){0,4})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LawPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])Luật[ \t]+sửa[ \t]+đổi,?[ \t]+bổ[ \t]+sung[ \t]+(?:một[ \t]+số[ \t]+điều[ \t]+)?(?:của[ \t]+)?(?:các[ \t]+)?(?=Luật[ \t]+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex AmendmentPattern();

    private static readonly FrozenSet<string> ProseWords = new[]
    {
        "và", "của", "về", "trên", "tại", "theo", "năm", "số", "được", "đã", "với", "cho", "trong", "các", "những",
        "để", "thi", "hành", "này", "đó", "mới", "sửa", "bổ", "hướng", "quy", "ngày", "là", "có", "không", "đến",
        "từ", "thì", "như", "nhằm", "khi", "đang", "sẽ", "vào", "ra", "bị", "do", "phải", "cũng", "đều",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every law named in the text, in order; an amending law is reported whole and its target law too.</summary>
    public static IReadOnlyList<LawNameMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var laws = new List<LawNameMatch>();
        var amendments = new Dictionary<int, int>();
        for (var m = AmendmentPattern().Match(text); m.Success; m = m.NextMatch())
        {
            amendments[m.Index + m.Length] = m.Index;
        }

        for (var m = LawPattern().Match(text); m.Success; m = m.NextMatch())
        {
            var end = NameEnd(text, m);
            var law = new LawNameMatch(text[m.Index..end], m.Index, end - m.Index);
            if (amendments.TryGetValue(m.Index, out var start))
            {
                laws.Add(new LawNameMatch(text[start..end], start, end - start));
            }

            laws.Add(law);
        }

        return laws;
    }

    private static int NameEnd(string text, Match m)
    {
        var words = m.Groups["words"];
        var end = words.Index;
        var first = true;
        foreach (var token in words.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && ProseWords.Contains(token))
            {
                break;
            }

            end = text.IndexOf(token, end, StringComparison.Ordinal) + token.Length;
            first = false;
        }

        return end;
    }
}
