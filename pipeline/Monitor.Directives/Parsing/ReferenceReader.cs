using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.References;

namespace Monitor.Directives.Parsing;

/// <summary>Describes each cited document from the words around its number: the type before it ("Công văn số"),
/// then "ngày …", "của …" and a title ("v/v …", "về …", or a quotation).</summary>
internal static partial class ReferenceReader
{
    [GeneratedRegex(@"(?<type>Kế hoạch|Công văn|Văn bản|Chỉ thị|Quyết định|Nghị quyết|Hướng dẫn|Kết luận|Chương trình hành động|Chương trình|Quy định|Quy chế|Nghị định|Thông tư|Thông báo|Đề án|Báo cáo)\s*(?:số\s*)?:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeBefore();

    [GeneratedRegex(@"^\s*,?\s*ngày\s+")]
    private static partial Regex DateLead();

    [GeneratedRegex(@"^\s*,?\s*của\s+(?<issuer>.+?)(?=\s+v/v|\s+về\s|\s+thực hiện|\s+phê duyệt|\s+Quy định|\s+ban hành|\s*[“""(;,.]|\s*$)")]
    private static partial Regex IssuerLead();

    [GeneratedRegex(@"^\s*,?\s*(?:v/v\s+|về\s+(?:việc\s+)?|[“""]\s*(?:về\s+)?)(?<title>[^“”"";]+)")]
    private static partial Regex TitleLead();

    private static readonly Dictionary<string, string> TypeByCode = new(StringComparer.Ordinal)
    {
        ["KH"] = "Kế hoạch", ["CV"] = "Công văn", ["CT"] = "Chỉ thị", ["QĐ"] = "Quyết định", ["NQ"] = "Nghị quyết",
        ["HD"] = "Hướng dẫn", ["KL"] = "Kết luận", ["CTr"] = "Chương trình", ["NĐ"] = "Nghị định", ["TT"] = "Thông tư",
        ["TB"] = "Thông báo", ["BC"] = "Báo cáo", ["UBND"] = "Công văn", ["QC"] = "Quy chế", ["QĐi"] = "Quy định",
    };

    public static DocumentReference Describe(string text, DocumentNumberMatch m)
    {
        var before = text[Math.Max(0, m.Start - 40)..m.Start];
        var type = TypeBefore().Match(before) is { Success: true } t ? Capital(t.Groups["type"].Value) : TypeByCode.GetValueOrDefault(m.TypeCode);
        var rest = text[(m.Start + m.Length)..Math.Min(text.Length, m.Start + m.Length + 400)];
        DateOnly? issued = null;
        if (DateLead().Match(rest) is { Success: true } lead && TextTools.DatePattern().Match(rest, lead.Length) is { Success: true } date && date.Index == lead.Length)
        {
            issued = TextTools.ToDate(date);
            rest = rest[(date.Index + date.Length)..];
        }

        string? issuer = null;
        if (IssuerLead().Match(rest) is { Success: true } of && of.Groups["issuer"].Length <= 80)
        {
            issuer = of.Groups["issuer"].Value.Trim();
            rest = rest[(of.Index + of.Length)..];
        }

        var title = TitleLead().Match(rest) is { Success: true } tl ? TextTools.Shorten(tl.Groups["title"].Value.Trim().TrimEnd('.', ',', ' '), 200) : null;
        return new DocumentReference { Number = m.Number, Type = type, Issued = issued, Issuer = issuer, Title = title };
    }

    /// <summary>Adds what a later citation tells about a document the plan already lists.</summary>
    public static void Merge(DocumentReference into, DocumentReference more)
    {
        into.Type ??= more.Type;
        into.Issued ??= more.Issued;
        into.Issuer ??= more.Issuer;
        into.Title ??= more.Title;
    }

    private static string Capital(string type) => char.ToUpperInvariant(type[0]) + type[1..];
}
