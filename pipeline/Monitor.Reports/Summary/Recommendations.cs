using Monitor.Core.Plans;
using Monitor.Storage.Coverage;
using Monitor.Wording;

namespace Monitor.Reports.Summary;

/// <summary>"Đề xuất" lines: one per gap or late quota, naming who should act. Every name comes from the plan (a theme's
/// outlets and units, a quota's outlet); an outlet whose sources are broken is named for a source check instead, so a
/// gap of the crawler is not blamed on the press.</summary>
internal static class Recommendations
{
    public static IReadOnlyList<string> For(Plan plan, IReadOnlyList<ThemeWeek> themes, IReadOnlyList<QuotaStatus> behind, IReadOnlyList<OutletHealth> health)
    {
        var broken = health.Where(h => h.Unhealthy || h.State == SourceState.Untracked).ToDictionary(h => h.Outlet);
        var lines = new List<string>();
        foreach (var week in themes.Where(t => t.Status != ThemeStatus.Covered))
        {
            var theme = plan.Themes.First(t => t.Code == week.Code);
            var published = week.Outlets.Select(o => o.Outlet).ToList();
            var missing = theme.Outlets.Except(published).ToList();
            var ask = missing.Where(o => !broken.ContainsKey(o)).ToList();
            var check = missing.Where(broken.ContainsKey).ToList();
            var subject = $"chủ đề {theme.Code}";
            if (theme.Outlets.Count == 0)
            {
                lines.Add($"Kế hoạch chưa giao cơ quan báo chí nào cho {subject} ({theme.Title}): đề nghị bổ sung phân công.");
            }
            else if (ask.Count > 0)
            {
                var only = week.Status == ThemeStatus.SingleOutlet ? $" (tuần này chỉ có bài của {published[0]})" : "";
                lines.Add($"Đề nghị {Join(ask)} bổ sung tin, bài về {subject}{only}"
                    + (theme.Units.Count > 0 ? $"; đề nghị {Join(theme.Units)} cung cấp thông tin cho báo chí." : "."));
            }

            if (check.Count > 0)
            {
                lines.Add($"Kiểm tra nguồn thu thập của {Join(check)} ({string.Join("; ", check.Select(o => CoverageWords.Health(broken[o])))}) trước khi nhắc về {subject}.");
            }
        }

        foreach (var q in behind)
        {
            var who = CoverageWords.OutletSubject(q.Outlet);
            var about = q.Theme is { } code ? $" về chủ đề {code}" : "";
            lines.Add($"Đề nghị {who} bổ sung {q.Remaining} {q.Unit}{about} để đạt chỉ tiêu {CoverageWords.Rate(q)} (đã có {q.Delivered}/{q.Required}).");
        }

        return lines;
    }

    private static string Join(List<string> names) => names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " và " + names[^1];
}
