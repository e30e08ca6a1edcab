using System.Globalization;
using Monitor.Core.Plans;
using Monitor.Core.Text;
using Monitor.Core.Time;

namespace Monitor.Storage.Coverage;

/// <summary>A theme's counting window as Vietnamese days, both ends included; open ends are null.</summary>
public sealed record ThemeWindow(string Code, DateOnly? From, DateOnly? To)
{
    /// <summary>Day keys as stored ("yyyy-MM-dd"): they compare as text, open ends become the extremes.</summary>
    public string FromKey => From is { } f ? CoverageRules.Key(f) : "0000-01-01";

    public string ToKey => To is { } t ? CoverageRules.Key(t) : "9999-12-31";
}

/// <summary>The arithmetic every store shares: windows, quota periods, the column of a "chuyên mục", source health.</summary>
public static class CoverageRules
{
    /// <summary>A source with no article for this many days before the as-of day is called silent.</summary>
    public const int SilentAfterDays = 3;

    public static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The period a stored day key ("yyyy-MM-dd") falls in: "2024-W46", "2024-11" or "window".</summary>
    public static string Bucket(CoveragePeriod period, string day) => period switch
    {
        CoveragePeriod.Month => day[..7],
        CoveragePeriod.Window => "window",
        _ => IsoWeek.Of(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToString(),
    };

    /// <summary>Each theme's window, narrowed to [from, to] (either may be null).</summary>
    public static IReadOnlyList<ThemeWindow> Windows(Plan plan, DateOnly? from, DateOnly? to) =>
        plan.Themes.Select(t => new ThemeWindow(t.Code, Max(t.Window.From, from), Min(t.Window.To, to))).ToList();

    /// <summary>The first day of the period ("week", "month", "quarter", "year") holding <paramref name="day"/>; null for an unknown period.</summary>
    public static DateOnly? PeriodStart(string period, DateOnly day) => period switch
    {
        "week" => IsoWeek.Of(day).Monday,
        "month" => new DateOnly(day.Year, day.Month, 1),
        "quarter" => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        "year" => new DateOnly(day.Year, 1, 1),
        _ => null,
    };

    private static DateOnly NextPeriod(string period, DateOnly start) => period switch
    {
        "week" => start.AddDays(7),
        "month" => start.AddMonths(1),
        "quarter" => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    /// <summary>Periods of the window [from, to] started by the end of <paramref name="asOf"/>, and those ended by then
    /// (a period cut short by the window's end ends with the window). A partial first period counts whole.</summary>
    public static (int Elapsed, int Completed) Periods(string period, DateOnly from, DateOnly? to, DateOnly asOf)
    {
        var elapsed = 0;
        var completed = 0;
        if (PeriodStart(period, from) is not { } start)
        {
            return (0, 0);
        }

        for (var s = start; s <= asOf && (to is null || s <= to); s = NextPeriod(period, s))
        {
            elapsed++;
            var last = NextPeriod(period, s).AddDays(-1);
            if ((to is { } t && t < last ? t : last) <= asOf)
            {
                completed++;
            }
        }

        return (elapsed, completed);
    }

    /// <summary>The outlets a quota is counted for: its own, else its theme's, else every theme's; empty string = all outlets.</summary>
    public static IReadOnlyList<string> QuotaOutlets(Plan plan, Quota quota)
    {
        if (quota.Outlets.Count > 0)
        {
            return quota.Outlets;
        }

        var themes = plan.Themes.Where(t => quota.Theme is null || t.Code == quota.Theme);
        var outlets = themes.SelectMany(t => t.Outlets).Distinct().ToList();
        return outlets.Count > 0 ? outlets : [""];
    }

    /// <summary>The windows a quota counts in: its theme's, or every theme's when it names none; starts that are open
    /// fall back to the directive's issue date.</summary>
    public static IReadOnlyList<ThemeWindow> QuotaWindows(Plan plan, Quota quota, DateOnly asOf) =>
        plan.Themes.Where(t => quota.Theme is null || t.Code == quota.Theme)
            .Select(t => new ThemeWindow(t.Code, t.Window.From ?? plan.Directive.Issued, Min(t.Window.To, asOf)))
            .ToList();

    /// <summary>Groups a theme's articles into stories: an article linked as a near-duplicate (either direction) to an
    /// earlier one (by day, then id: the order the gap report's copy count uses) is a copy, filed under the original of
    /// the earliest article it is linked to; the others are originals. Stories come in the order they started.</summary>
    public static IReadOnlyList<StoryGroup> GroupStories(IEnumerable<ThemeArticle> articles, IEnumerable<(string A, string B)> links)
    {
        var ordered = articles.DistinctBy(a => a.Id).OrderBy(a => a.Day).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var rank = ordered.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var linked = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (a, b) in links.Where(l => rank.ContainsKey(l.A) && rank.ContainsKey(l.B)))
        {
            (linked.TryGetValue(a, out var la) ? la : linked[a] = []).Add(rank[b]);
            (linked.TryGetValue(b, out var lb) ? lb : linked[b] = []).Add(rank[a]);
        }

        var root = new int[ordered.Count];
        var copies = new Dictionary<int, List<ThemeArticle>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var earlier = linked.TryGetValue(ordered[i].Id, out var l) ? l.Where(j => j < i).DefaultIfEmpty(-1).Min() : -1;
            root[i] = earlier < 0 ? i : root[earlier];
            if (earlier < 0)
            {
                copies[i] = [];
            }
            else
            {
                copies[root[i]].Add(ordered[i]);
            }
        }

        return copies.OrderBy(c => c.Key).Select(c => new StoryGroup(ordered[c.Key], c.Value)).ToList();
    }

    /// <summary>Stories newest first: by the original's Vietnamese day, then its id (ordinal), both descending.</summary>
    public static IOrderedEnumerable<StoryGroup> NewestFirst(IEnumerable<StoryGroup> stories) =>
        stories.OrderByDescending(s => s.Original.Day).ThenByDescending(s => s.Original.Id, StringComparer.Ordinal);

    /// <summary>A page of stories from rows (story root, article): the root's own row is the original, the others its
    /// copies, oldest first as <see cref="GroupStories"/> lists them.</summary>
    public static IReadOnlyList<StoryGroup> PageOfStories(IEnumerable<(string Root, ThemeArticle Article)> rows) =>
        NewestFirst(rows.GroupBy(r => r.Root, StringComparer.Ordinal)
            .Where(g => g.Any(r => r.Article.Id == g.Key))
            .Select(g => new StoryGroup(g.First(r => r.Article.Id == g.Key).Article,
                g.Where(r => r.Article.Id != g.Key).Select(r => r.Article).OrderBy(a => a.Day).ThenBy(a => a.Id, StringComparer.Ordinal).ToList()))).ToList();

    /// <summary>True for a quota counted in columns ("01 chuyên mục/tháng").</summary>
    public static bool IsColumnQuota(Quota quota) => VietnameseFolding.Key(quota.Unit).Contains("chuyen muc", StringComparison.Ordinal);

    /// <summary>The outlet's sections that are the quota's column: a section whose folded name the quota's text or its
    /// theme's title contains.</summary>
    public static IReadOnlyList<string> ColumnSections(Plan plan, Quota quota, IEnumerable<string> sections)
    {
        var said = VietnameseFolding.Key(quota.Text + " " + plan.Themes.FirstOrDefault(t => t.Code == quota.Theme)?.Title);
        return sections.Where(s => VietnameseFolding.Key(s) is { Length: > 0 } k && said.Contains(k, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Classifies an outlet's sources on a day.</summary>
    public static SourceState State(bool tracked, bool paused, bool failing, bool extractionFailing, bool silentForItsRhythm, DateOnly? lastArticleDay, DateOnly asOf) =>
        !tracked ? SourceState.Untracked
        : paused ? SourceState.Paused
        : failing ? SourceState.Failing
        : extractionFailing ? SourceState.ExtractionFailing
        : silentForItsRhythm || lastArticleDay is null || lastArticleDay < asOf.AddDays(-SilentAfterDays) ? SourceState.Silent
        : SourceState.Ok;

    /// <summary>The end of a Vietnamese day as an instant (exclusive).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => VietnamTime.StartOfDay(day.AddDays(1));

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
