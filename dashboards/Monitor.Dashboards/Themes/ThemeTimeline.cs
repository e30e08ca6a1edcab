using Monitor.Core.Time;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Themes;

/// <summary>One point of a theme's timeline: the days it spans (a day, or the part of an ISO week inside the window), its
/// counted articles and the link to exactly those articles.</summary>
public sealed record TimelinePoint(string Key, DateOnly From, DateOnly To, int Articles, string Href);

/// <summary>A theme's counted articles per day across its window (per ISO week when the window is longer than
/// <see cref="MaxDays"/> days), every day or week of the window present, zero included.</summary>
public sealed record ThemeTimeline(bool Weekly, IReadOnlyList<TimelinePoint> Points)
{
    /// <summary>Longest window drawn day by day (about a quarter); a longer one is drawn per ISO week.</summary>
    public const int MaxDays = 92;

    /// <summary>The timeline from the article counts per day of the theme's window (<see cref="IArticleStore.DailyAsync"/>,
    /// the overview's numbers); an open start begins at the first counted day.</summary>
    public static ThemeTimeline Of(StoredPlan plan, ThemeWindow window, IEnumerable<DailyCount> daily)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(window);
        var perDay = daily.Where(d => d.Theme == window.Code).GroupBy(d => d.Day, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Articles), StringComparer.Ordinal);
        var days = perDay.Keys.Select(k => DateOnly.ParseExact(k, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if ((window.From is null || window.To is null) && days.Count == 0)
        {
            return new ThemeTimeline(false, []);
        }

        var (from, to) = (window.From ?? days.Min(), window.To ?? days.Max());
        var weekly = to.DayNumber - from.DayNumber + 1 > MaxDays;
        var points = new List<TimelinePoint>();
        for (var start = from; start <= to;)
        {
            var end = weekly ? Min(IsoWeek.Of(start).Sunday, to) : start;
            var count = 0;
            for (var d = start; d <= end; d = d.AddDays(1))
            {
                count += perDay.GetValueOrDefault(CoverageRules.Key(d));
            }

            var key = weekly ? IsoWeek.Of(start).ToString() : CoverageRules.Key(start);
            // The plan's version is named: the article list otherwise takes the version in force on the point's day.
            var href = $"/plans/{Uri.EscapeDataString(plan.Id)}/articles{new Filters(plan.Id, plan.Version, From: start, To: end).Query(("theme", window.Code))}";
            points.Add(new TimelinePoint(key, start, end, count, href));
            start = end.AddDays(1);
        }

        return new ThemeTimeline(weekly, points);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
