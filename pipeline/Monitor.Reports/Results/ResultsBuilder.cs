using Monitor.Core.Time;
using Monitor.Storage.Coverage;
using Monitor.Storage.Summaries;

namespace Monitor.Reports.Results;

/// <summary>Fills a <see cref="ResultsReport"/> from the store: counts per theme and outlet from the coverage of the whole
/// range (<c>report coverage --period window --from --to</c>), quotas as of the last day, the counted articles from the
/// tag rows inside each theme's window.</summary>
public sealed class ResultsBuilder(ICoverageStore store, PlanArticles articles, TimeProvider time)
{
    /// <summary>The report of <paramref name="planId"/>; the range defaults to the plan's windows (from the earliest start,
    /// else the issue date, to the latest end, never after today). Null for a plan the store does not hold.</summary>
    public async Task<ResultsReport?> BuildAsync(string planId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var asOf = to ?? today;
        if (await store.PlanInForceAsync(planId, asOf, ct) is not { } plan)
        {
            return null;
        }

        var themes = plan.Plan.Themes;
        var start = from ?? themes.Select(t => t.Window.From).Where(d => d is not null).Min() ?? plan.Plan.Directive.Issued ?? asOf;
        var end = to ?? (themes.Count > 0 && themes.All(t => t.Window.To is not null) && themes.Max(t => t.Window.To) < today ? themes.Max(t => t.Window.To)!.Value : today);
        var coverage = await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Window, start, end), ct);
        var tagged = await articles.TaggedAsync(plan, start, end, ct);
        var ids = tagged.Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var headings = await articles.HeadingsAsync(ids, ct);
        var links = await articles.LinksAsync(ids, ct);

        var results = themes.Select(t =>
        {
            var cells = coverage.Cells.Where(c => c.Theme == t.Code).GroupBy(c => c.Outlet).Select(g => (g.Key, g.Sum(c => c.Articles)))
                .OrderByDescending(o => o.Item2).ThenBy(o => o.Key, StringComparer.Ordinal).ToList();
            // Representative: the most copied stories' originals, earliest first among equals, at most three.
            var stories = CoverageRules.GroupStories(tagged.Where(r => r.Theme == t.Code).Select(r => new ThemeArticle(r.Id, r.Outlet, "", "", r.Day, null)), links)
                .OrderByDescending(g => g.Copies.Count).ThenBy(g => g.Original.Day).ThenBy(g => g.Original.Id, StringComparer.Ordinal).Take(3)
                .Where(g => headings.ContainsKey(g.Original.Id)).Select(g => headings[g.Original.Id]).ToList();
            return new ThemeResult(t.Code, t.Title, cells.Sum(c => c.Item2), cells, stories);
        }).ToList();

        var byArticle = tagged.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var annex = ids.Where(headings.ContainsKey).Select(id =>
        {
            var h = headings[id];
            var rows = byArticle[id];
            return new AnnexArticle(rows[0].Day, h.Outlet, h.Section, h.Title, h.Url, rows.Select(r => r.Theme).Distinct().ToList());
        }).OrderBy(a => a.Day).ThenBy(a => a.Outlet, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var quotas = await store.QuotasAsync(plan, end, QuotaDetail.Counts, ct);
        return new ResultsReport(plan.Id, plan.Version, plan.Plan.Directive, start, end, results, quotas, annex);
    }
}
