using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Core.Text;

namespace Monitor.Directives.Parsing;

/// <summary>Reads the directive header: "Số: …", the type line ("KẾ HOẠCH") or "V/v …", the place-and-date line
/// and who issues it.</summary>
internal static partial class HeaderReader
{
    [GeneratedRegex(@"^Số\s*:\s*(?<n>.*)$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?:V/v|Về việc)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"^(?:[\p{L} .]+),\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(KẾ HOẠCH|CÔNG VĂN|CHỈ THỊ|HƯỚNG DẪN|THÔNG BÁO|NGHỊ QUYẾT|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỊNH HƯỚNG)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"(?<org>Ban Thường vụ Tỉnh ủy|Thường trực Tỉnh ủy|Ủy ban nhân dân tỉnh|UBND tỉnh|Ban Tuyên giáo Tỉnh ủy|Sở [\p{L} ,&]+?)\s*(?:\([^)]*\)\s*)?(?:xây dựng|ban hành|đề nghị|hướng dẫn)")]
    private static partial Regex IssuerVerb();

    [GeneratedRegex(@"^(BAN|SỞ|ỦY BAN|UBND|TỈNH ỦY|HỘI ĐỒNG)[\p{Lu} ]+$")]
    private static partial Regex CapsOrgLine();

    [GeneratedRegex(@"(?:BAN|SỞ|ỦY BAN|UBND|TỈNH ỦY|HỘI ĐỒNG)(?: (?!BAN |SỞ |HỘI ĐỒNG )[\p{Lu}]+)+")]
    private static partial Regex CapsOrgName();

    public static Directive Read(List<string> document)
    {
        var directive = new Directive();
        var body = string.Join("\n", document);
        foreach (var p in document.TakeWhile(p => BlockReader.ToBlock(p).Kind is not (BlockKind.Roman or BlockKind.Number)))
        {
            if (NumberLine().Match(p) is { Success: true } n && DocumentReferenceExtractor.FindNumbers(n.Groups["n"].Value) is [var first, ..])
            {
                directive.Number ??= first.Number;
            }
            else if (SubjectLine().Match(p) is { Success: true } s && directive.Title.Length == 0)
            {
                directive.Title = TextTools.Clean(s.Groups["t"].Value);
                directive.Type ??= "Công văn";
            }
            else if (PlaceDate().Match(p) is { Success: true } d)
            {
                directive.Issued ??= TextTools.ToDate(d);
            }
        }

        var typeAt = document.FindIndex(p => TypeLine().IsMatch(p));
        if (typeAt >= 0)
        {
            directive.Type ??= char.ToUpperInvariant(document[typeAt][0]) + document[typeAt][1..].ToLowerInvariant();
            // The subject follows the type line, after an optional caps line ("CỦA BAN THƯỜNG VỤ TỈNH ỦY").
            var subject = document.Skip(typeAt + 1).Take(2).FirstOrDefault(p => p.Any(char.IsLower));
            if (directive.Title.Length == 0 && subject is not null)
            {
                directive.Title = TextTools.Clean(subject);
            }
        }

        directive.Issuer = Issuer(document, body);
        return directive;
    }

    private static string? Issuer(List<string> document, string body)
    {
        // The caps header above the number ("TỈNH ỦY KIÊN GIANG / BAN CÁN SỰ ĐẢNG UBND TỈNH") names the issuer in
        // its last line, the superior body above it; a cover letter's header wins over the plan it forwards.
        var numberAt = document.FindIndex(l => NumberLine().IsMatch(l));
        var header = document.Take(numberAt > 0 ? numberAt : 12).SelectMany(l => CapsOrgName().Matches(l).Select(m => m.Value.Trim())).Reverse();
        if (FoundAgain(header, body) is { } fromHeader)
        {
            return fromHeader;
        }

        return IssuerVerb().Match(body) is { Success: true } m ? m.Groups["org"].Value.Trim() : FoundAgain(document.Where(l => CapsOrgLine().IsMatch(l)), body);
    }

    /// <summary>The first caps line found again in the body, written the usual way ("Ban Cán sự Đảng UBND tỉnh").</summary>
    private static string? FoundAgain(IEnumerable<string> capsLines, string body)
    {
        var folded = VietnameseFolding.Fold(body);
        foreach (var line in capsLines)
        {
            var key = TextTools.Fold(line);
            var at = folded.Value.IndexOf(key, StringComparison.Ordinal);
            var again = at >= 0 ? folded.Value.IndexOf(key, at + key.Length, StringComparison.Ordinal) : -1;
            if (again >= 0)
            {
                return folded.OriginalSlice(again, again + key.Length);
            }
        }

        return null;
    }
}
