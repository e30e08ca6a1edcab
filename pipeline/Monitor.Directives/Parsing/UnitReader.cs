using System.Text.RegularExpressions;
using Monitor.Directives.Outlets;

namespace Monitor.Directives.Parsing;

/// <summary>Reads who supplies, leads or publishes from "Đơn vị ...:" lines, starred lines and the heads of
/// "Tổ chức thực hiện" items, and tells outlets (registry) from other units.</summary>
internal static partial class UnitReader
{
    [GeneratedRegex(@"^(?:Đơn vị|Cơ quan)\s+(?:cung cấp thông tin|thực hiện|phối hợp|chủ trì|hợp tác truyền thông|phối hợp thực hiện)\s*:\s*(?<list>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\s(?:chủ trì|chỉ trì|phối hợp|chỉ đạo|tham mưu|lãnh đạo|thực hiện|triển khai|căn cứ|tổ chức|xây dựng|định kỳ|cung cấp|hướng dẫn|theo dõi|có liên quan|là cơ quan|giúp|chịu trách nhiệm|và các|nhằm|để)(?=[\s,.;:]|$)")]
    private static partial Regex VerbPattern();

    [GeneratedRegex(@"^(?:Sở|Ban|Công an|Bộ|Ủy ban|UBND|Hội|Tỉnh đoàn|Đoàn|Báo|Đài|Cổng|Trung tâm|Văn phòng|Liên đoàn|Mặt trận|Hội đồng|HĐND|Cục|Chi cục|Tạp chí|Cơ quan|Viện|Trường|Thường trực|Thông tấn|Đảng ủy|Đảng đoàn|Huyện ủy|Thành ủy|Tỉnh ủy|Liên minh|Kho bạc|Ngân hàng|Bảo hiểm|Bộ Chỉ huy|Bộ đội|Phòng|Tổng|Các cơ quan báo chí|Thông tấn xã)(?=\s|$)")]
    private static partial Regex HeadPattern();

    // "các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy": the party committees below the province, one unit.
    [GeneratedRegex(@"(?:các\s+)?huyện\s+ủy(?:\s*,\s*thành\s+ủy)?(?:\s*,\s*(?:đảng|thị)\s+ủy(?:\s+trực\s+thuộc\s+Tỉnh\s+ủy)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommitteesPattern();

    /// <summary>The list after a "Đơn vị ...:" label, or null when the text is not such a line.</summary>
    public static string? LabelledList(string text) =>
        LabelPattern().Match(text) is { Success: true } m ? m.Groups["list"].Value : null;

    /// <summary>The units a task line assigns after its colon ("Truyền thông trên báo chí tỉnh: Sở Văn hóa, Thể thao
    /// và Du lịch chủ trì, ..."), or null when the text after the colon does not start with a unit.</summary>
    public static string? AssignedList(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon > 200 || LabelledList(text) is not null)
        {
            return null;
        }

        var rest = text[(colon + 1)..].TrimStart(' ', '*');
        return HeadPattern().IsMatch(rest) && VerbPattern().IsMatch(rest) ? rest : null;
    }

    /// <summary>Unit names of a list or sentence ("Sở Y tế; Sở Văn hóa, Thể thao và Du lịch chủ trì, ...").</summary>
    public static List<string> Names(string text)
    {
        var names = new List<string>();
        foreach (var raw in Regex.Replace(text, @"\([^)]*\)", "").Split(';'))
        {
            var segment = raw.Trim().TrimEnd('.', ':', ' ');
            if (VerbPattern().Match(segment) is { Success: true } verb)
            {
                segment = segment[..verb.Index];
            }

            var pieces = new List<string>();
            if (CommitteesPattern().Match(segment) is { Success: true } committees)
            {
                var name = committees.Value.Trim();
                names.Add(char.ToUpperInvariant(name[0]) + name[1..]);
                segment = segment.Remove(committees.Index, committees.Length);
            }

            foreach (var piece in segment.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                if (pieces.Count > 0 && (piece is "thành phố" or "thị xã" || (char.IsUpper(piece[0]) && !HeadPattern().IsMatch(piece))))
                {
                    pieces[^1] += ", " + piece;
                }
                else if (HeadPattern().IsMatch(piece))
                {
                    pieces.Add(piece);
                }
            }

            names.AddRange(pieces.Select(Canonical).Where(p => p.Length > 3));
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Splits names into outlets (known to the registry) and other units.</summary>
    public static void Sort(IEnumerable<string> names, OutletRegistry registry, string? province, ICollection<string> units, ICollection<string> outlets)
    {
        foreach (var name in names)
        {
            var found = registry.Find(name, province);
            if (found.Count > 0)
            {
                foreach (var o in found.Where(o => !outlets.Contains(o)))
                {
                    outlets.Add(o);
                }
            }
            else if ((!name.StartsWith("Các ", StringComparison.Ordinal) || CommitteesPattern().IsMatch(name)) && !Known(units, name))
            {
                units.Add(name);
            }
        }
    }

    /// <summary>Whether a unit is listed already, in another case or cut short ("Sở Kế hoạch và đầu tư", "Sở Nông
    /// nghiệp và Phát triển nông"); a fuller spelling replaces a shorter one.</summary>
    private static bool Known(ICollection<string> units, string name)
    {
        var key = TextTools.Fold(name);
        foreach (var unit in units.ToList())
        {
            var other = TextTools.Fold(unit);
            if (other.StartsWith(key, StringComparison.Ordinal))
            {
                return true;
            }

            if (key.StartsWith(other, StringComparison.Ordinal) && units is IList<string> list)
            {
                list[list.IndexOf(unit)] = name;
                return true;
            }
        }

        return false;
    }

    // "Ủy ban nhân dân" and "UBND" are the same body; the short form is what analysts type.
    private static string Canonical(string name) => name.Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal).Trim();
}
