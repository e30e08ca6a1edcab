using System.Text.RegularExpressions;
using Monitor.Core.Plans;
using Monitor.Core.Scope;

namespace Monitor.Directives.Parsing;

/// <summary>Which themes of a provincial directive are about the province itself (docs/tagging.md, "Scope"): those
/// whose own text says so ("trên địa bàn tỉnh", "của tỉnh", "toàn tỉnh", "Tỉnh ủy", the province's name), or all
/// themes when the plan's title names the province ("Truyền thông nhiệm vụ trọng tâm tỉnh Kon Tum"); never a theme
/// whose title names a national subject (the National Assembly, the Central Committee, the Government, a central
/// document), which the province propagates but does not own. A scoped theme counts only articles anchored in the
/// province (<see cref="ScopeAnchor"/>).</summary>
internal static partial class ScopeReader
{
    [GeneratedRegex(@"\b(?:trên địa bàn tỉnh|của tỉnh|toàn tỉnh|trong tỉnh|tỉnh nhà|tỉnh ủy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProvincialMarker();

    [GeneratedRegex(@"\b(?:Quốc hội|Trung ương|toàn quốc|cả nước|Chính phủ|Thủ tướng|Bộ Chính trị|Ban Bí thư)\b|\d+[-/][A-ZĐ]+/TW\b|\d+/\d{4}/[A-ZĐ]+-(?:CP|TTg)\b|\d+/(?:QĐ|CT)-TTg\b", RegexOptions.IgnoreCase)]
    private static partial Regex NationalSubject();

    public static void Apply(Plan plan, string? provinceName)
    {
        var province = provinceName is null ? null : Gazetteer.Default.Find(provinceName);
        if (province is null)
        {
            return;
        }

        var named = new Regex($@"\b{Regex.Escape(province.Name)}\b", RegexOptions.IgnoreCase);
        var planIsProvincial = named.IsMatch(TextTools.WithoutMarks(plan.Directive.Title));
        foreach (var theme in plan.Themes)
        {
            var own = TextTools.WithoutMarks(theme.Title + " " + theme.Description);
            if ((planIsProvincial || ProvincialMarker().IsMatch(own) || named.IsMatch(own)) && !NationalSubject().IsMatch(TextTools.WithoutMarks(theme.Title)))
            {
                theme.Scope = province.Name;
            }
        }
    }
}
