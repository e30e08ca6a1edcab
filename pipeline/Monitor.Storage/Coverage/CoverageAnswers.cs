using System.Globalization;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>Articles of a theme on one Vietnamese day ("yyyy-MM-dd") in one outlet, as a store counts them.</summary>
public sealed record DailyCount(string Theme, string Day, string Outlet, int Articles);

/// <summary>Distinct articles a quota counts in one section (null: sections not asked for, or none), with their ids
/// when the answer lists them.</summary>
public sealed record CountedArticles(string? Section, int Articles, IReadOnlyList<string>? Ids);

/// <summary>The answers both stores build from what they read: a store supplies daily counts, counted articles, copies
/// and source health; the assembly into reports is this one code, so the SQLite and Elasticsearch stores cannot drift.</summary>
public static class CoverageAnswers
{
    public static CoverageReport Coverage(StoredPlan plan, CoverageQuery query, IEnumerable<DailyCount> daily, long stored)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(query);
        var cells = daily.GroupBy(d => (d.Theme, d.Outlet, Period: CoverageRules.Bucket(query.Period, d.Day)))
            .Select(g => new CoverageCell(g.Key.Theme, g.Key.Outlet, g.Key.Period, g.Sum(d => d.Articles)))
            .OrderBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Outlet, StringComparer.Ordinal).ThenBy(c => c.Period, StringComparer.Ordinal)
            .ToList();
        return new CoverageReport(plan.Id, plan.Version, plan.Plan.Themes.Select(t => (t.Code, t.Title)).ToList(), cells, stored, query);
    }

    /// <summary>Every quota per outlet; <paramref name="counted"/> reads the distinct articles of an outlet ("" = all
    /// outlets) inside the windows as <see cref="CountedArticles"/>: per section when the flag asks for it (a column
    /// quota), with their ids only when <paramref name="detail"/> lists them.</summary>
    public static async Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail,
        Func<IReadOnlyList<ThemeWindow>, string, bool, Task<IReadOnlyList<CountedArticles>>> counted, string? only = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(counted);
        var statuses = new List<QuotaStatus>();
        for (var i = 0; i < plan.Plan.Quotas.Count; i++)
        {
            var quota = plan.Plan.Quotas[i];
            var windows = CoverageRules.QuotaWindows(plan.Plan, quota, asOf);
            var from = windows.Select(w => w.From).Min() ?? CoverageRules.PeriodStart(quota.Period, asOf) ?? asOf;
            var themes = plan.Plan.Themes.Where(t => quota.Theme is null || t.Code == quota.Theme).ToList();
            var to = themes.Count > 0 && themes.All(t => t.Window.To is not null) ? themes.Max(t => t.Window.To) : null;
            var (elapsed, completed) = CoverageRules.Periods(quota.Period, from, to, asOf);
            foreach (var outlet in CoverageRules.QuotaOutlets(plan.Plan, quota).Where(o => only is null || o == only))
            {
                IEnumerable<CountedArticles> groups = await counted(windows, outlet, CoverageRules.IsColumnQuota(quota));
                string? section = null;
                if (CoverageRules.IsColumnQuota(quota))
                {
                    var column = CoverageRules.ColumnSections(plan.Plan, quota, groups.Select(g => g.Section).OfType<string>().Distinct());
                    if (column.Count > 0)
                    {
                        groups = groups.Where(g => g.Section is not null && column.Contains(g.Section)).ToList();
                        section = string.Join(", ", column);
                    }
                }

                var ids = detail == QuotaDetail.Articles ? groups.SelectMany(g => g.Ids ?? []).Order(StringComparer.Ordinal).ToList() : null;
                statuses.Add(new QuotaStatus(i, quota.Theme, outlet, quota.Count, quota.Unit, quota.Period, from, to, elapsed, completed,
                    quota.Count * elapsed, groups.Sum(g => g.Articles), section, ids, quota.Text));
            }
        }

        return statuses;
    }

    /// <summary>Distinct articles (id, section) grouped as <see cref="QuotasAsync"/> wants them from a store that reads
    /// them one by one: one group, or one per section when <paramref name="bySection"/>; ids kept when
    /// <paramref name="listed"/>.</summary>
    public static IReadOnlyList<CountedArticles> Group(IEnumerable<(string Id, string? Section)> distinct, bool bySection, bool listed) =>
        distinct.GroupBy(a => bySection ? a.Section : null)
            .Select(g => new CountedArticles(g.Key, g.Count(), listed ? g.Select(a => a.Id).ToList() : null))
            .ToList();

    /// <summary>The outlets whose health a gap report needs: every theme's outlets and every outlet that covered one.</summary>
    public static IReadOnlyList<string> GapOutlets(StoredPlan plan, IEnumerable<DailyCount> daily) =>
        plan.Plan.Themes.SelectMany(t => t.Outlets).Concat(daily.Select(r => r.Outlet)).Distinct().ToList();

    /// <summary>The gap report from the daily counts inside the windows up to the as-of day, the copies per theme and the
    /// health of <see cref="GapOutlets"/>.</summary>
    public static GapReport Gaps(StoredPlan plan, DateOnly asOf, IEnumerable<DailyCount> daily, IReadOnlyDictionary<string, int> copies,
        IEnumerable<OutletHealth> health)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = daily.GroupBy(d => (d.Theme, d.Outlet))
            .Select(g => (g.Key.Theme, g.Key.Outlet, First: g.Min(d => d.Day)!, Articles: g.Sum(d => d.Articles)))
            .ToList();
        var byOutlet = health.ToDictionary(h => h.Outlet);
        var issued = plan.Plan.Directive.Issued;
        var themes = new List<ThemeGap>();
        foreach (var theme in plan.Plan.Themes)
        {
            var mine = rows.Where(r => r.Theme == theme.Code).ToList();
            var outlets = mine.Select(r => r.Outlet).Order(StringComparer.Ordinal).ToList();
            DateOnly? first = mine.Count > 0 ? DateOnly.ParseExact(mine.Min(r => r.First)!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var start = issued ?? theme.Window.From;
            var kind = theme.Window.From > asOf ? GapKind.NotStarted
                : outlets.Count == 0 ? GapKind.Uncovered
                : outlets.Count == 1 ? GapKind.SingleOutlet
                : GapKind.None;
            // Beside a gap: the outlets that should have covered the theme and did not, with their sources' state.
            var missing = kind is GapKind.Uncovered or GapKind.SingleOutlet
                ? theme.Outlets.Except(outlets).Select(o => byOutlet[o]).ToList()
                : [];
            var articles = mine.Sum(r => r.Articles);
            themes.Add(new ThemeGap(theme.Code, theme.Title, kind, articles, articles - copies.GetValueOrDefault(theme.Code), outlets, first,
                first is { } f && start is { } s ? f.DayNumber - s.DayNumber : null, missing));
        }

        return new GapReport(plan.Id, plan.Version, asOf, issued, themes);
    }

    /// <summary>Per theme, the articles that are a copy: linked (either direction) to an earlier article (by day, then id)
    /// of the same theme inside the window. <paramref name="tags"/> are the plan's tags (article, theme, day) of the
    /// linked articles, already inside their theme's window. The SQLite store answers the same rule in SQL.</summary>
    public static Dictionary<string, int> Copies(IEnumerable<(string A, string B)> links, IEnumerable<(string Article, string Theme, string Day)> tags)
    {
        var byArticle = tags.GroupBy(t => t.Article, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var copies = new HashSet<(string Theme, string Article)>();
        foreach (var (a, b) in links.SelectMany(l => new[] { l, (l.B, l.A) }))
        {
            if (!byArticle.TryGetValue(a, out var mine) || !byArticle.TryGetValue(b, out var other))
            {
                continue;
            }

            foreach (var t in mine)
            {
                if (other.Any(o => o.Theme == t.Theme && (string.CompareOrdinal(o.Day, t.Day) < 0 || (o.Day == t.Day && string.CompareOrdinal(o.Article, t.Article) < 0))))
                {
                    copies.Add((t.Theme, t.Article));
                }
            }
        }

        return copies.GroupBy(c => c.Theme).ToDictionary(g => g.Key, g => g.Count());
    }
}
