using Monitor.Core.Time;
using Monitor.Dashboards.Diagnostics;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Overview;

/// <summary>Builds the overview of a plan under the filters from one read of the daily counts (heat map, matrix,
/// daily chart, covered themes), plus the week's distinct articles, quotas, gaps and source health.</summary>
public sealed class OverviewBuilder(PlanStore plans, ICoverageStore coverage, DashboardQueries queries, SourceHealthReport health, TimeProvider time)
{
    /// <summary>The plan the filters name (or the first stored), in the version chosen or in force on the as-of day;
    /// null when there is none. The as-of day defaults to today, or to the plan's last window day once every window closed.</summary>
    public async Task<(StoredPlan Plan, IReadOnlyList<StoredPlan> Versions, DateOnly AsOf)?> ResolveAsync(Filters filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var latest = await plans.LatestAsync(ct);
        var chosen = filters.Plan is null ? (latest.Count > 0 ? latest[0] : null) : latest.FirstOrDefault(p => p.Id == filters.Plan);
        if (chosen is null)
        {
            return null;
        }

        var versions = await plans.VersionsAsync(chosen.Id, ct);
        var asOf = filters.AsOf ?? DefaultAsOf(chosen, Today());
        var plan = filters.Version is { } v ? versions.FirstOrDefault(p => p.Version == v) : await coverage.PlanInForceAsync(chosen.Id, asOf, ct);
        return plan is null ? null : (plan, versions, asOf);
    }

    public async Task<OverviewData?> BuildAsync(Filters filters, CancellationToken ct)
    {
        (StoredPlan, IReadOnlyList<StoredPlan>, DateOnly)? resolved;
        using (ServerTimingSpans.Measure("plan"))
        {
            resolved = await ResolveAsync(filters, ct);
        }

        if (resolved is not var (plan, versions, asOf))
        {
            return null;
        }

        var f = filters with { Plan = plan.Id };
        var windows = CoverageRules.Windows(plan.Plan, f.From, f.To);
        List<DailyCount> daily;
        using (ServerTimingSpans.Measure("daily"))
        {
            daily = await queries.DailyAsync(plan.Id, windows, f.Outlet, f.Section, ct);
        }

        var periodName = Filters.PeriodName(f.Period);
        var heat = daily.GroupBy(d => (d.Theme, Period: CoverageRules.Bucket(f.Period, d.Day)))
            .Select(g => new HeatCell(g.Key.Theme, g.Key.Period, g.Sum(d => d.Articles), ListHref(f, g.Key.Theme, null, g.Key.Period)))
            .OrderBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Period, StringComparer.Ordinal).ToList();
        var matrix = daily.GroupBy(d => (d.Theme, d.Outlet))
            .Select(g => new MatrixCell(g.Key.Theme, g.Key.Outlet, g.Sum(d => d.Articles), ListHref(f, g.Key.Theme, g.Key.Outlet, null)))
            .OrderBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Outlet, StringComparer.Ordinal).ToList();
        var perDay = daily.GroupBy(d => (d.Theme, d.Day)).Select(g => new DayCount(g.Key.Theme, g.Key.Day, g.Sum(d => d.Articles)))
            .OrderBy(c => c.Day, StringComparer.Ordinal).ThenBy(c => c.Theme, StringComparer.Ordinal).ToList();

        var (week, weekKind) = TileWeek(plan.Plan, asOf, closed: filters.AsOf is null && asOf < Today(), daily);
        var previous = IsoWeek.Of(week.Monday.AddDays(-7));
        var weekArticles = await WeekAsync(plan, f, week, ct);
        var previousArticles = await WeekAsync(plan, f, previous, ct);
        var quotaSpan = ServerTimingSpans.Measure("quotas");
        var quotas = (await coverage.QuotasAsync(plan, asOf, QuotaDetail.Counts, ct)).Where(q => f.Outlet is null || q.Outlet == f.Outlet || q.Outlet.Length == 0)
            .Select(q => new QuotaRow(q.Quota, q.Theme, q.Outlet, Wording.Rate(q), q.Required, q.Delivered, q.Remaining, Wording.Quota(q), q.OnTrack,
                $"/plans/{Uri.EscapeDataString(plan.Id)}/articles{f.Query(("quota", (q.Quota + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("quota_outlet", q.Outlet))}"))
            .ToList();
        quotaSpan.Dispose();
        var healthSpan = ServerTimingSpans.Measure("health");
        var sources = await health.ComputeAsync([], ct);
        healthSpan.Dispose();
        var tiles = new Tiles(week.ToString(), weekArticles, previousArticles, ListHref(f with { From = null, To = null }, null, null, week.ToString()),
            heat.Select(h => h.Theme).Distinct().Count(), plan.Plan.Themes.Count, quotas.Count(q => !q.OnTrack), quotas.Count,
            sources.Count(s => s.NeedsAttention), sources.Count) { WeekKind = weekKind };
        List<string> outlets;
        IReadOnlyList<string> sections;
        using (ServerTimingSpans.Measure("filters"))
        {
            outlets = plan.Plan.Themes.SelectMany(t => t.Outlets).Concat(await queries.OutletsAsync(plan.Id, ct)).Distinct().Order(StringComparer.Ordinal).ToList();
            sections = await queries.SectionsAsync(plan.Id, time, ct);
        }

        GapReport gaps;
        using (ServerTimingSpans.Measure("gaps"))
        {
            gaps = await coverage.GapsAsync(plan, asOf, ct);
        }

        return new OverviewData(plan.Id, plan.Version, plan.Plan.Directive.Title, versions.Select(v => new VersionRef(v.Version, v.LoadedAt)).ToList(), asOf,
            periodName, f.From, f.To, f.Outlet, f.Section, plan.Plan.Themes.Select(t => new ThemeRef(t.Code, t.Title)).ToList(), outlets,
            sections, Periods(f.Period, daily), heat, matrix, perDay, tiles, quotas)
        {
            Gaps = gaps,
            Filters = f,
        };
    }

    /// <summary>Link to the article list of a number: theme (or all), outlet (or all), period key (or the whole range).</summary>
    public static string ListHref(Filters f, string? theme, string? outlet, string? period)
    {
        ArgumentNullException.ThrowIfNull(f);
        var g = f with { Outlet = outlet ?? f.Outlet };
        return $"/plans/{Uri.EscapeDataString(f.Plan ?? "")}/articles{g.Query(("theme", theme), ("bucket", period))}";
    }

    private async Task<int> WeekAsync(StoredPlan plan, Filters f, IsoWeek week, CancellationToken ct)
    {
        using var span = ServerTimingSpans.Measure("weeks");
        var windows = CoverageRules.Windows(plan.Plan, week.Monday, week.Sunday);
        return (await queries.ArticlesAsync(plan.Id, windows, f.Outlet, f.Section, 0, 0, ct)).Total;
    }

    private static List<string> Periods(CoveragePeriod period, List<DailyCount> daily)
    {
        if (daily.Count == 0)
        {
            return [];
        }

        if (period == CoveragePeriod.Window)
        {
            return ["window"];
        }

        // Every period between the first and the last, so a silent week shows as an empty column, not a missing one.
        var first = DateOnly.ParseExact(daily.Min(d => d.Day)!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(daily.Max(d => d.Day)!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var keys = new List<string>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var key = CoverageRules.Bucket(period, CoverageRules.Key(d));
            if (keys.Count == 0 || keys[^1] != key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The week the first tile counts: the as-of day's. Once every window closed and no day was asked for,
    /// the as-of day is the last window day, whose ISO week may hold two days of the windows and no article (a leader
    /// landed on "Bài trong tuần 1/2025: 0"), so the tile counts the last week of the windows with a counted article
    /// under the filters, else the last week holding most of its days (four or more) inside the windows.</summary>
    private static (IsoWeek Week, TileWeekKind Kind) TileWeek(Monitor.Core.Plans.Plan plan, DateOnly asOf, bool closed, List<DailyCount> daily)
    {
        if (!closed)
        {
            return (IsoWeek.Of(asOf), TileWeekKind.AsOf);
        }

        if (daily.Count > 0)
        {
            var last = DateOnly.ParseExact(daily.Max(d => d.Day)!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return (IsoWeek.Of(last), TileWeekKind.LastWithArticles);
        }

        // The week of the day three days before the last holds at least four window days (Monday to that Thursday).
        var first = plan.Themes.Select(t => t.Window.From).Where(d => d is not null).Min();
        var mostly = asOf.AddDays(-3);
        return first is { } start && mostly < start ? (IsoWeek.Of(asOf), TileWeekKind.AsOf) : (IsoWeek.Of(mostly), TileWeekKind.LastOfWindows);
    }

    private DateOnly Today() => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);

    private static DateOnly DefaultAsOf(StoredPlan plan, DateOnly today)
    {
        var ends = plan.Plan.Themes.Select(t => t.Window.To).ToList();
        return ends.Count > 0 && ends.All(e => e is not null) && ends.Max() is { } last && last < today ? last : today;
    }
}
