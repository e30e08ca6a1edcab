using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;

namespace Monitor.Elasticsearch;

/// <summary>The articles behind the numbers from the Elasticsearch indices the taggers write (<see cref="IArticleStore"/>),
/// the same answers as <see cref="SqliteArticleStore"/>'s: tag rows and distinct articles from composite aggregations
/// over the tags index with the same windows as the counts, article fields from the articles index by id. Near-duplicate
/// links are the crawler's, kept in its SQLite database in every deployment (with their distance), so they are read
/// there; the index keeps the latest fetch of an article, so there are no earlier versions. This part: the weekly
/// summary's reads; the pages' lists and the article page are the other parts.</summary>
public sealed partial class ElasticsearchArticleStore(ElasticsearchConnection connection, MonitorDatabase db, TimeProvider time) : IArticleStore
{
    /// <summary>Ids per request when the store reads a list of articles by id.</summary>
    private const int IdsPerRequest = ElasticsearchQueries.PageSize;

    private readonly SqliteArticleStore _crawler = new(db);

    private ElasticsearchClient Client => connection.Client;

    public async Task<IReadOnlyList<TaggedArticle>> TaggedAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var query = ElasticsearchQueries.TagsIn(plan.Id, CoverageRules.Windows(plan.Plan, first, last));
        return (await BucketsAsync(connection.Tags, query, ["theme_code", "article_id", "outlet", "section", "day"], ct, "section", "outlet"))
            .Select(b => new TaggedArticle(Text(b.Key["article_id"])!, Text(b.Key["theme_code"])!, Text(b.Key["outlet"]) ?? "", Text(b.Key["section"]),
                DateOnly.ParseExact(ElasticsearchCoverageStore.Day(b.Key["day"]), "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
    }

    public async Task<int> CountAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return (await DistinctAsync(ElasticsearchQueries.TagsIn(plan.Id, CoverageRules.Windows(plan.Plan, first, last)), ct)).Count;
    }

    public async Task<DateOnly?> LastDayAsync(string planId, CancellationToken ct)
    {
        var request = ElasticsearchQueries.Fields(connection.Tags, ElasticsearchQueries.Term("plan_id", planId), 1, [Sort("day", SortOrder.Desc)], "day");
        var answer = (await Client.SearchAsync<ArticleFields>(request, ct)).Checked($"POST {connection.Tags}/_search");
        return answer.Documents.FirstOrDefault()?.Day is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The crawler's links, from its SQLite database (where it records them in every deployment).</summary>
    public Task<IReadOnlyList<(string A, string B)>> LinksAsync(IReadOnlyCollection<string> ids, CancellationToken ct) => _crawler.LinksAsync(ids, ct);

    public async Task<IReadOnlyDictionary<string, ArticleHeading>> HeadingsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return (await ByIdsAsync(ids, ct, "id", "outlet", "section", "title", "url", "canonical_url", "published"))
            .ToDictionary(a => a.Id!, a => new ArticleHeading(a.Id!, a.Outlet ?? "", a.Section, a.Title ?? "", a.CanonicalUrl ?? a.Url ?? "", Instant(a.Published)), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<(string Number, int Articles)>> ReferencesAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = await DistinctAsync(ElasticsearchQueries.TagsIn(plan.Id, CoverageRules.Windows(plan.Plan, first, last)), ct);
        return (await ByIdsAsync(ids, ct, "id", "references"))
            .SelectMany(a => a.References.Distinct(StringComparer.Ordinal))
            .GroupBy(n => n, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The distinct articles a query over the tags index holds, in id order.</summary>
    private async Task<List<string>> DistinctAsync(Query tags, CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, tags, ["article_id"], ct)).Select(b => Text(b.Key["article_id"])!).ToList();

    /// <summary>The asked fields of the articles with these ids (an id the index does not hold is left out), many ids per request.</summary>
    private async Task<List<ArticleFields>> ByIdsAsync(IEnumerable<string> ids, CancellationToken ct, params string[] fields)
    {
        var found = new List<ArticleFields>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerRequest))
        {
            var answer = (await Client.SearchAsync<ArticleFields>(ElasticsearchQueries.ByIds(connection.Articles, chunk, fields), ct)).Checked($"POST {connection.Articles}/_search");
            found.AddRange(answer.Documents);
        }

        return found;
    }

    private Task<List<(IReadOnlyDictionary<string, FieldValue> Key, long Count)>> BucketsAsync(string index, Query query, string[] fields, CancellationToken ct,
        params string[] missing) => ElasticsearchCoverageStore.BucketsAsync(Client, index, query, fields, ct, missing);

    private static SortOptions Sort(string field, SortOrder order) => new() { Field = new FieldSort(field) { Order = order } };

    private static string? Text(FieldValue value) => ElasticsearchCoverageStore.Text(value);

    private static DateTimeOffset? Instant(string? value) => value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}

/// <summary>The fields of an article document a list, a page, a search hit or a versioned write asks for (a source filter
/// returns only those, so every one is optional here, unlike <see cref="ArticleDocument"/>).</summary>
internal sealed record ArticleFields
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Section { get; init; }

    public string? Day { get; init; }

    public string? Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Published { get; init; }

    public string? FetchedAt { get; init; }

    public long? CountedAt { get; init; }

    public string? Week { get; init; }

    public string? Month { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<MentionDocument> Mentions { get; init; } = [];

    public string? Description { get; init; }

    public string? Text { get; init; }

    public string? ContentHash { get; init; }

    public int? Revision { get; init; }

    public IReadOnlyList<ChangeDocument> Changes { get; init; } = [];

    /// <summary>The instant lists sort on: published, else fetched (an older document without counted_at has it from those).</summary>
    public long SortKey => CountedAt ?? (DateTimeOffset.TryParse(Published ?? FetchedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUnixTimeMilliseconds() : 0);
}
