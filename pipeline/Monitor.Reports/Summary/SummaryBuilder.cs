using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Core.Time;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;
using Monitor.Wording;

namespace Monitor.Reports.Summary;

/// <summary>Fills a <see cref="WeeklySummary"/> from the store: counts per theme and outlet, quotas and source health
/// from <see cref="ICoverageStore"/> (the same answers as <c>monitor report</c>), articles, copies and citations from
/// <see cref="PlanArticles"/>. Nothing is estimated: a figure the store cannot give is left out.</summary>
public sealed class SummaryBuilder(ICoverageStore store, PlanArticles articles, TimeProvider time)
{
    /// <summary>The summary of <paramref name="planId"/> for <paramref name="week"/>; null for a plan the store does not hold.</summary>
    public async Task<WeeklySummary?> BuildAsync(string planId, IsoWeek week, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var (monday, sunday) = (week.Monday, week.Sunday);
        var asOf = sunday < today ? sunday : today < monday ? monday : today;
        if (await store.PlanInForceAsync(planId, asOf, ct) is not { } plan)
        {
            return null;
        }

        var inForce = plan.Plan.Themes.Where(t => (t.Window.From is null || t.Window.From <= sunday) && (t.Window.To is null || t.Window.To >= monday)).ToList();
        var coverage = await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, monday, sunday), ct);
        var before = await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, monday.AddDays(-7), sunday.AddDays(-7)), ct);
        var tagged = await articles.TaggedAsync(plan, monday, sunday, ct);
        var ids = tagged.Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var links = await articles.LinksAsync(ids, ct);

        var themes = inForce.Select(t => Theme(t, coverage, before)).ToList();
        // An article no near-duplicate link touches is a story of its own: only the linked ones are grouped (the same
        // groups CoverageRules.GroupStories gives over every article, without sorting 60,000 singletons).
        var linked = links.SelectMany(l => new[] { l.A, l.B }).ToHashSet(StringComparer.Ordinal);
        var copies = Stories(tagged.DistinctBy(t => t.Id).Where(t => linked.Contains(t.Id)), links).Sum(g => g.Copies.Count);
        var notable = await NotableAsync(inForce, tagged, links, linked, ct);
        var quotas = (await store.QuotasAsync(plan, asOf, QuotaDetail.Counts, ct)).Where(q => !q.OnTrack).ToList();
        var outletsOfPlan = inForce.SelectMany(t => t.Outlets).Concat(tagged.Select(t => t.Outlet)).Where(o => o.Length > 0).Distinct().ToList();
        var health = await store.HealthAsync(outletsOfPlan, asOf, ct);
        var attention = health.Where(h => h.Unhealthy || h.State == SourceState.Untracked).Select(h => new SourceAttention(h.Outlet, CoverageWords.Health(h), h.Sources)).ToList();

        return new WeeklySummary
        {
            Plan = plan.Id,
            PlanVersion = plan.Version,
            Directive = plan.Plan.Directive.Title,
            Week = week.ToString(),
            From = monday,
            To = sunday,
            AsOf = asOf,
            Articles = ids.Count,
            ArticlesPreviousWeek = await articles.CountAsync(plan, monday.AddDays(-7), sunday.AddDays(-7), ct),
            ThemesTotal = inForce.Count,
            ThemesCovered = themes.Where(t => t.Status != ThemeStatus.Uncovered).Select(t => t.Code).ToList(),
            ThemesUncovered = themes.Where(t => t.Status == ThemeStatus.Uncovered).Select(t => t.Code).ToList(),
            SingleOutlet = themes.Where(t => t.Status == ThemeStatus.SingleOutlet).Select(t => t.Code).ToList(),
            Outlets = tagged.GroupBy(t => t.Outlet).Select(g => new OutletCount(g.Key, g.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(o => o.Articles).ThenBy(o => o.Outlet, StringComparer.Ordinal).ToList(),
            OriginalStories = ids.Count - copies,
            SyndicatedCopies = copies,
            Themes = themes,
            QuotasBehind = quotas.Select(q => new QuotaBehind(q.Outlet, q.Theme, q.Text, CoverageWords.Rate(q), q.Required, q.Delivered, q.Remaining)).ToList(),
            Stories = notable,
            References = await ReferencesAsync(plan, monday, sunday, ct),
            Upcoming = Upcoming(plan.Plan, sunday.AddDays(1), sunday.AddDays(7)),
            SourcesAttention = attention,
            Recommendations = Recommendations.For(plan.Plan, themes, quotas, health),
        };
    }

    private static ThemeWeek Theme(Theme theme, CoverageReport week, CoverageReport before)
    {
        var outlets = week.Cells.Where(c => c.Theme == theme.Code).GroupBy(c => c.Outlet)
            .Select(g => new OutletCount(g.Key, g.Sum(c => c.Articles))).OrderByDescending(o => o.Articles).ThenBy(o => o.Outlet, StringComparer.Ordinal).ToList();
        var status = outlets.Count == 0 ? ThemeStatus.Uncovered : outlets.Count == 1 ? ThemeStatus.SingleOutlet : ThemeStatus.Covered;
        return new ThemeWeek(theme.Code, theme.Title, status, outlets.Sum(o => o.Articles),
            before.Cells.Where(c => c.Theme == theme.Code).Sum(c => c.Articles), outlets);
    }

    private static IReadOnlyList<StoryGroup> Stories(IEnumerable<TaggedArticle> rows, IEnumerable<(string A, string B)> links) =>
        CoverageRules.GroupStories(rows.Select(r => new ThemeArticle(r.Id, r.Outlet, "", "", r.Day, null)), links);

    /// <summary>Per theme, the most copied story (ties: the earliest), and a second one when it too was copied. The
    /// candidates are the groups of the linked articles and the earliest article no link touches (every other
    /// unlinked article is a later story without copies, so it can never be picked).</summary>
    private async Task<IReadOnlyList<NotableStory>> NotableAsync(IReadOnlyList<Theme> themes, IReadOnlyList<TaggedArticle> tagged,
        IReadOnlyList<(string A, string B)> links, HashSet<string> linked, CancellationToken ct)
    {
        var picked = new List<(string Theme, StoryGroup Story)>();
        var byTheme = tagged.ToLookup(t => t.Theme, StringComparer.Ordinal);
        foreach (var theme in themes)
        {
            var rows = byTheme[theme.Code];
            var groups = Stories(rows.Where(t => linked.Contains(t.Id)), links).ToList();
            if (Earliest(rows.Where(t => !linked.Contains(t.Id))) is { } single)
            {
                groups.AddRange(Stories([single], []));
            }

            groups = groups.OrderByDescending(g => g.Copies.Count).ThenBy(g => g.Original.Day).ThenBy(g => g.Original.Id, StringComparer.Ordinal).ToList();
            picked.AddRange(groups.Take(1).Concat(groups.Skip(1).Take(1).Where(g => g.Copies.Count > 0)).Select(g => (theme.Code, g)));
        }

        var headings = await articles.HeadingsAsync(picked.Select(p => p.Story.Original.Id).Distinct().ToList(), ct);
        return picked.Where(p => headings.ContainsKey(p.Story.Original.Id)).Select(p =>
        {
            var h = headings[p.Story.Original.Id];
            return new NotableStory(p.Theme, h.Title, h.Outlet, p.Story.Original.Day, h.Url, p.Story.Copies.Count);
        }).ToList();
    }

    private static TaggedArticle? Earliest(IEnumerable<TaggedArticle> rows)
    {
        TaggedArticle? first = null;
        foreach (var r in rows)
        {
            if (first is null || r.Day < first.Day || (r.Day == first.Day && string.CompareOrdinal(r.Id, first.Id) < 0))
            {
                first = r;
            }
        }

        return first;
    }

    /// <summary>Numbers cited this week, the plan's own references first, at most ten.</summary>
    private async Task<IReadOnlyList<CitedReference>> ReferencesAsync(StoredPlan plan, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var own = plan.Plan.References.GroupBy(r => DocumentReferenceExtractor.Normalize(r.Number) ?? r.Number).ToDictionary(g => g.Key, g => g.First());
        return (await articles.ReferencesAsync(plan, from, to, ct))
            .Select(r => new CitedReference(r.Number, own.TryGetValue(r.Number, out var d) ? Describe(d) : null, r.Articles, own.ContainsKey(r.Number)))
            .OrderByDescending(r => r.InPlan).ThenByDescending(r => r.Articles).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Take(10).ToList();
    }

    private static string? Describe(DocumentReference d) => d.Type is null && d.Title is null ? null : string.Join(" ", new[] { d.Type, d.Title }.OfType<string>());

    /// <summary>Events and deadlines of the plan on the days [from, to]; a recurring deadline ("monthly:25") on each of its days.</summary>
    public static IReadOnlyList<UpcomingItem> Upcoming(Plan plan, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var items = plan.Events.Where(e => e.Date >= from && e.Date <= to).Select(e => new UpcomingItem(e.Date, UpcomingKind.Event, e.Title)).ToList();
        foreach (var d in plan.Deadlines)
        {
            var days = d.Date is { } date ? [date] : Recurring(d.Recurrence, from, to);
            items.AddRange(days.Where(x => x >= from && x <= to).Select(x => new UpcomingItem(x, UpcomingKind.Deadline, d.Text)));
        }

        return items.OrderBy(i => i.Date).ThenBy(i => i.Kind).ToList();
    }

    private static IEnumerable<DateOnly> Recurring(string? recurrence, DateOnly from, DateOnly to)
    {
        if (recurrence?.Split(':') is not ["monthly", var n] || !int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var day))
        {
            yield break;
        }

        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            yield return new DateOnly(m.Year, m.Month, Math.Min(day, DateTime.DaysInMonth(m.Year, m.Month)));
        }
    }
}
