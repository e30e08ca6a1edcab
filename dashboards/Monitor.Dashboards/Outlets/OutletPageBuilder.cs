using System.Globalization;
using Monitor.Core.Time;
using Monitor.Dashboards.Diagnostics;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Outlets;

/// <summary>Builds the page of one outlet under a plan: its quotas (from the same quota answers as the overview, split
/// into their periods by the counted articles' days), the themes it covered and has not (the window coverage up to the
/// as-of day, as <c>report coverage --period window</c>), and its articles of the last <see cref="RecentWeeks"/> weeks.</summary>
public sealed class OutletPageBuilder(OverviewBuilder overview, ICoverageStore coverage, DashboardQueries queries, OutletQueries outlets)
{
    public const int RecentWeeks = 4;
    public const int RecentLimit = 50;

    /// <summary>Counted articles listed under each quota period; the period's link lists them all.</summary>
    public const int PeriodListed = 20;

    /// <summary>The outlets a plan names or its tags hold, sorted.</summary>
    public async Task<IReadOnlyList<string>> OutletsAsync(Storage.Plans.StoredPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Plan.Themes.SelectMany(t => t.Outlets).Concat(plan.Plan.Quotas.SelectMany(q => q.Outlets))
            .Concat(await queries.OutletsAsync(plan.Id, ct)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The page of <paramref name="outlet"/> (null: the first the reader may see); null when there is no plan.
    /// <paramref name="allowed"/> limits the outlets offered (an editor's own), null for all.</summary>
    public async Task<OutletData?> BuildAsync(Filters filters, string? outlet, IReadOnlyList<string>? allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (await overview.ResolveAsync(filters, ct) is not var (plan, _, asOf))
        {
            return null;
        }

        IReadOnlyList<string> all;
        using (ServerTimingSpans.Measure("outlets"))
        {
            all = await OutletsAsync(plan, ct);
        }

        var offered = allowed is null ? all : allowed.Order(StringComparer.Ordinal).ToList();
        var chosen = outlet ?? (offered.Count > 0 ? offered[0] : "");
        var f = filters with { Plan = plan.Id, Outlet = chosen };

        var quotas = new List<OutletQuota>();
        IReadOnlyList<QuotaStatus> statuses;
        using (ServerTimingSpans.Measure("quotas"))
        {
            statuses = await coverage.QuotasAsync(plan, asOf, QuotaDetail.Counts, chosen, ct);
        }

        foreach (var q in statuses.Where(q => q.Outlet == chosen))
        {
            var number = (q.Quota + 1).ToString(CultureInfo.InvariantCulture);
            quotas.Add(new OutletQuota(q.Quota, q.Theme, Wording.Rate(q), q.Text, q.Required, q.Delivered, q.Remaining, Wording.Quota(q), q.OnTrack,
                $"/plans/{Uri.EscapeDataString(plan.Id)}/articles{(filters with { Plan = plan.Id, Outlet = null }).Query(("quota", number), ("quota_outlet", q.Outlet))}",
                await PeriodsAsync(plan, q, asOf, ct)));
        }

        CoverageReport report;
        using (ServerTimingSpans.Measure("coverage"))
        {
            report = await coverage.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Window, null, asOf), ct);
        }

        var counts = report.Cells.Where(c => c.Outlet == chosen).GroupBy(c => c.Theme).ToDictionary(g => g.Key, g => g.Sum(c => c.Articles));
        var started = plan.Plan.Themes.Where(t => t.Window.From is null || t.Window.From <= asOf).ToList();
        var covered = started.Where(t => counts.GetValueOrDefault(t.Code) > 0)
            .Select(t => new CoveredTheme(t.Code, t.Title, counts[t.Code], OverviewBuilder.ListHref(f with { From = null, To = asOf, Period = CoveragePeriod.Window }, t.Code, chosen, null)))
            .ToList();
        var uncovered = started.Where(t => counts.GetValueOrDefault(t.Code) == 0)
            .Select(t => new UncoveredTheme(t.Code, t.Title, t.Outlets.Count == 0 || t.Outlets.Contains(chosen), t.Window.From, t.Window.To))
            .OrderBy(t => t.Assigned ? 0 : 1).ToList();

        var recentFrom = IsoWeek.Of(asOf).Monday.AddDays(-7 * (RecentWeeks - 1));
        using var recentSpan = ServerTimingSpans.Measure("recent");
        var recent = chosen.Length == 0 ? [] : await outlets.RecentAsync(plan.Id, chosen, IsoWeek.Of(recentFrom).ToString(), IsoWeek.Of(asOf).ToString(),
            CoverageRules.EndOf(asOf).ToUnixTimeMilliseconds(), RecentLimit, ct);
        return new OutletData(plan.Id, plan.Version, plan.Plan.Directive.Title, chosen, asOf, offered, quotas, covered, uncovered, recentFrom, recent);
    }

    /// <summary>The quota's periods from its window's start to the as-of day, each with how many counted articles its
    /// days hold and the newest <see cref="PeriodListed"/> of them (the rest behind the period's link). The count and
    /// the list read the quota's windows cut to the period (WindowedArticles, as the quota's own count), so a large
    /// outlet's 50,000 counted articles are not all read to show a number. A column quota ("chuyên mục") counts its
    /// sections' articles: its few are placed by their days, as before.</summary>
    private async Task<List<QuotaPeriod>> PeriodsAsync(Storage.Plans.StoredPlan plan, QuotaStatus q, DateOnly asOf, CancellationToken ct)
    {
        using var span = ServerTimingSpans.Measure("periods");
        var periods = new List<QuotaPeriod>();
        if (CoverageRules.PeriodStart(q.Period, q.From) is not { } start)
        {
            return periods;
        }

        var quota = plan.Plan.Quotas[q.Quota];
        var column = q.Section is null ? null : (await queries.QuotaListAsync(plan, q, asOf, 0, int.MaxValue, ct)).Page;
        var windows = CoverageRules.QuotaWindows(plan.Plan, quota, asOf);
        var outlet = q.Outlet.Length > 0 ? q.Outlet : null;
        // Every period's count from one read of the distinct articles per day; a period's newest articles lie in its last days.
        var perDay = column is null ? await queries.PerDayAsync(plan.Id, windows, outlet, ct) : [];
        for (var s = start; s <= asOf && (q.To is null || s <= q.To); s = Next(q.Period, s))
        {
            var last = Next(q.Period, s).AddDays(-1);
            var end = q.To is { } t && t < last ? t : last;
            var first = s < q.From ? q.From : s;
            var (from, to) = (CoverageRules.Key(first), CoverageRules.Key(end));
            int delivered;
            IReadOnlyList<ListedArticle> listed;
            if (column is not null)
            {
                var inPeriod = column.Where(a => string.CompareOrdinal(a.Day, from) >= 0 && string.CompareOrdinal(a.Day, to) <= 0).ToList();
                (delivered, listed) = (inPeriod.Count, inPeriod.Take(PeriodListed).ToList());
            }
            else
            {
                var days = perDay.Where(d => string.CompareOrdinal(d.Day, from) >= 0 && string.CompareOrdinal(d.Day, to) <= 0).ToList();
                delivered = days.Sum(d => d.Articles);
                var newest = first;
                for (var (i, held) = (days.Count - 1, 0); i >= 0 && held < PeriodListed; i--)
                {
                    held += days[i].Articles;
                    newest = DateOnly.ParseExact(days[i].Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                var cut = windows.Select(w => new ThemeWindow(w.Code, w.From is { } f && f > newest ? f : newest, w.To is { } e && e < end ? e : end)).ToList();
                listed = delivered == 0 ? [] : (await queries.ArticlesAsync(plan.Id, cut, outlet, null, 0, PeriodListed, ct)).Page;
            }

            periods.Add(new QuotaPeriod(Label(q.Period, s, end), first, end, end > asOf, q.Count, delivered, listed,
                $"/plans/{Uri.EscapeDataString(plan.Id)}/articles{new Filters(plan.Id, From: first, To: end < asOf ? end : asOf, Outlet: outlet).Query(("theme", q.Theme))}"));
        }

        return periods;
    }

    private static DateOnly Next(string period, DateOnly start) => period switch
    {
        "week" => start.AddDays(7),
        "month" => start.AddMonths(1),
        "quarter" => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    private static string Label(string period, DateOnly start, DateOnly end) => period switch
    {
        "week" => $"Tuần {IsoWeek.Of(start).Week}/{IsoWeek.Of(start).Year} ({start.ToString("dd'/'MM", CultureInfo.InvariantCulture)}–{end.ToString("dd'/'MM", CultureInfo.InvariantCulture)})",
        "month" => $"Tháng {start.Month}/{start.Year}",
        "quarter" => $"Quý {((start.Month - 1) / 3) + 1}/{start.Year}",
        _ => $"Năm {start.Year}",
    };
}
