using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch;

/// <summary>The pages' lists from the indices: the distinct articles of the windows from the tags index (the same query
/// as the number they explain), their fields from the articles index, sorted newest first as SQLite sorts them
/// (published, else fetched; then id), and each one's themes of the plan.</summary>
public sealed partial class ElasticsearchArticleStore
{
    private static readonly string[] ListedFields = ["id", "title", "outlet", "section", "day", "url", "published", "fetched_at", "counted_at"];

    public async Task<IReadOnlyList<DailyCount>> DailyAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, Filtered(planId, windows, outlet, section), ["theme_code", "day", "outlet"], ct))
            .Select(b => new DailyCount(Text(b.Key["theme_code"])!, ElasticsearchCoverageStore.Day(b.Key["day"]), Text(b.Key["outlet"])!, (int)b.Count))
            .ToList();

    public Task<(int Total, IReadOnlyList<ListedArticle> Page)> ListAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        int offset, int limit, CancellationToken ct) => PageAsync(planId, Filtered(planId, windows, outlet, section), offset, limit, ct);

    public async Task<(int Total, IReadOnlyList<ListedArticle> Page)> QuotaListAsync(StoredPlan plan, QuotaStatus quota, DateOnly asOf, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(quota);
        var rule = plan.Plan.Quotas[quota.Quota];
        var tags = ElasticsearchQueries.TagsIn(plan.Id, CoverageRules.QuotaWindows(plan.Plan, rule, asOf), quota.Outlet.Length > 0 ? quota.Outlet : null);
        if (quota.Section is not null)
        {
            // The column the count chose among the sections its articles carry (CoverageAnswers.QuotasAsync): a column's few.
            var sections = (await BucketsAsync(connection.Tags, tags, ["section"], ct)).Select(b => Text(b.Key["section"])).OfType<string>();
            tags = new BoolQuery { Filter = [tags, ElasticsearchQueries.Terms("section", CoverageRules.ColumnSections(plan.Plan, rule, sections))] };
        }

        return await PageAsync(plan.Id, tags, offset, limit, ct);
    }

    /// <summary>The distinct articles of the tags <paramref name="query"/> matches, and the page [offset, offset + limit) of them.</summary>
    private async Task<(int Total, IReadOnlyList<ListedArticle> Page)> PageAsync(string planId, Query query, int offset, int limit, CancellationToken ct)
    {
        var ids = await DistinctAsync(query, ct);
        if (limit <= 0 || offset >= ids.Count)
        {
            return (ids.Count, []);
        }

        // Every counted article's sort key, then the page: exact at any size (a drill-down lists what a number counted).
        var page = Newest(await ByIdsAsync(ids, ct, ListedFields)).Skip(Math.Max(0, offset)).Take(limit).ToList();
        return (ids.Count, await ListedAsync(planId, page, ct));
    }

    /// <summary>A composite aggregation of (day, article) over the number's query: one bucket per article and day.</summary>
    public async Task<IReadOnlyList<(string Day, int Articles)>> PerDayAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, Filtered(planId, windows, outlet, section), ["day", "article_id"], ct))
            .GroupBy(b => ElasticsearchCoverageStore.Day(b.Key["day"]), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<ListedArticle>> ByIdsAsync(string planId, IReadOnlyList<string> ids, CancellationToken ct) =>
        await ListedAsync(planId, Newest(await ByIdsAsync(ids, ct, ListedFields)).ToList(), ct);

    public async Task<IReadOnlyList<ListedArticle>> RecentAsync(string planId, string outlet, string fromWeek, string toWeek, long beforeUtcMs, int limit, CancellationToken ct)
    {
        var request = ElasticsearchQueries.Fields(connection.Articles, Recent(outlet, fromWeek, toWeek, beforeUtcMs), limit,
            [Sort("counted_at", SortOrder.Desc), Sort("id", SortOrder.Asc)], ListedFields);
        var answer = (await Client.SearchAsync<ArticleFields>(request, ct)).Checked($"POST {connection.Articles}/_search");
        return await ListedAsync(planId, answer.Documents.ToList(), ct);
    }

    public async Task<IReadOnlyList<string>> SectionsAsync(string planId, CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, ElasticsearchQueries.Term("plan_id", planId), ["section"], ct))
            .Select(b => Text(b.Key["section"])).OfType<string>().Where(s => s.Length > 0).Order(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<string>> OutletsAsync(string planId, CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, ElasticsearchQueries.Term("plan_id", planId), ["outlet"], ct))
            .Select(b => Text(b.Key["outlet"])).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The themes of the plan each of these articles counts for (one composite over their tags).</summary>
    internal static async Task<ILookup<string, string>> ThemesAsync(ElasticsearchClient client, string tags, string planId, IEnumerable<string> ids, CancellationToken ct)
    {
        var query = new BoolQuery { Filter = [ElasticsearchQueries.Term("plan_id", planId), ElasticsearchQueries.Terms("article_id", ids)] };
        return (await ElasticsearchCoverageStore.BucketsAsync(client, tags, query, ["article_id", "theme_code"], ct))
            .ToLookup(b => Text(b.Key["article_id"])!, b => Text(b.Key["theme_code"])!, StringComparer.Ordinal);
    }

    /// <summary>The plan's tags inside the windows, of one outlet and one section when given.</summary>
    internal static Query Filtered(string planId, IEnumerable<ThemeWindow> windows, string? outlet, string? section)
    {
        var tags = ElasticsearchQueries.TagsIn(planId, windows, outlet);
        return section is null ? tags : new BoolQuery { Filter = [tags, ElasticsearchQueries.Term("section", section)] };
    }

    /// <summary>An outlet's articles of the ISO weeks [from, to] (week keys sort as text) counted before an instant.</summary>
    internal static Query Recent(string outlet, string fromWeek, string toWeek, long beforeUtcMs) => new BoolQuery
    {
        Filter =
        [
            ElasticsearchQueries.Term("outlet", outlet),
            new TermRangeQuery("week") { Gte = fromWeek, Lte = toWeek },
            new NumberRangeQuery("counted_at") { Lt = beforeUtcMs },
        ],
    };

    /// <summary>Newest first as SQLite lists them: published (else fetched) descending, then id.</summary>
    private static IEnumerable<ArticleFields> Newest(IEnumerable<ArticleFields> articles) =>
        articles.OrderByDescending(a => a.SortKey).ThenBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>The articles as a list shows them, in the given order, each with its themes of the plan (ordinal).</summary>
    private async Task<IReadOnlyList<ListedArticle>> ListedAsync(string planId, List<ArticleFields> articles, CancellationToken ct)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        var themes = await ThemesAsync(Client, connection.Tags, planId, articles.Select(a => a.Id!), ct);
        return articles.Select(a => new ListedArticle(a.Id!, a.Title ?? "", a.Outlet ?? "", a.Section, a.Day ?? "", a.Url ?? "",
            themes[a.Id!].Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
