using Elastic.Clients.Elasticsearch;
using Monitor.Core.Articles;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;

namespace Monitor.Elasticsearch;

/// <summary>The article page from the indices (the article document, its tag documents with evidence, the mentions and
/// citations the article document carries), its near-duplicates from the crawler's links, and the last article of each
/// outlet for source health.</summary>
public sealed partial class ElasticsearchArticleStore
{
    private const int NotFound = 404;

    /// <summary>Tags per article read for its page (plans × themes: a few dozen at most).</summary>
    private const int TagsPerArticle = 1000;

    public async Task<Article?> ArticleAsync(string id, CancellationToken ct) => (await DocumentAsync(id, ct))?.ToArticle();

    /// <summary>The document's version (1 for an unknown article, or a document written before versions were kept).</summary>
    public async Task<int> VersionAsync(string id, CancellationToken ct) => Math.Max(1, (await DocumentAsync(id, ct))?.Revision ?? 1);

    /// <summary>The earlier versions the document carries, oldest first.</summary>
    public async Task<IReadOnlyList<ArticleChange>> ChangesAsync(string id, CancellationToken ct) =>
        (await DocumentAsync(id, ct))?.Changes.OrderBy(c => c.Version).Select(c => new ArticleChange(c.Version, c.PreviousTitle, c.ChangedAt)).ToList() ?? [];

    public async Task<IReadOnlyList<StoredTag>> TagsAsync(string id, CancellationToken ct)
    {
        var request = ElasticsearchQueries.Fields(connection.Tags, ElasticsearchQueries.Term("article_id", id), TagsPerArticle,
            [Sort("plan_id", SortOrder.Asc), Sort("score", SortOrder.Desc), Sort("theme_code", SortOrder.Asc)],
            "plan_id", "plan_version", "theme_code", "score", "evidence", "grade");
        var answer = (await Client.SearchAsync<TagFields>(request, ct)).Checked($"POST {connection.Tags}/_search");
        return answer.Documents.Select(t => new StoredTag(t.PlanId, t.PlanVersion, t.ThemeCode, t.Score, t.Evidence, t.Grade)).ToList();
    }

    public async Task<IReadOnlyList<StoredTag>> MentionsAsync(string id, CancellationToken ct) =>
        (await DocumentAsync(id, ct))?.Mentions
            .OrderBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.ThemeCode, StringComparer.Ordinal)
            .Select(m => new StoredTag(m.PlanId, m.PlanVersion, m.ThemeCode, m.Score, m.Evidence, Core.Tagging.ThemeGrade.Mention)).ToList() ?? [];

    public async Task<IReadOnlyList<string>> CitedAsync(string id, CancellationToken ct) =>
        (await DocumentAsync(id, ct))?.References.Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>The crawler's links of the article (its SQLite database), the other ends' titles from the index.</summary>
    public async Task<IReadOnlyList<Duplicate>> DuplicatesAsync(string id, CancellationToken ct)
    {
        var links = await new NearDuplicates(db, time).OfAsync(id, ct);
        if (links.Count == 0)
        {
            return [];
        }

        var distance = links.ToDictionary(l => l.DuplicateOf, l => l.Distance, StringComparer.Ordinal);
        return (await ByIdsAsync(distance.Keys, ct, "id", "title", "outlet", "published", "fetched_at", "counted_at"))
            .OrderBy(a => a.SortKey).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new Duplicate(a.Id!, a.Title ?? "", a.Outlet ?? "", distance[a.Id!]))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, DateOnly>> LastArticleDaysAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var outlet in outlets.Distinct(StringComparer.Ordinal))
        {
            // The newest article of the outlet whose Vietnamese day is not after asOf (SQLite: published_utc before its end).
            var request = ElasticsearchQueries.Fields(connection.Articles, LastArticle(outlet, asOf), 1, [Sort("day", SortOrder.Desc)], "day");
            var answer = (await Client.SearchAsync<ArticleFields>(request, ct)).Checked($"POST {connection.Articles}/_search");
            if (answer.Documents.FirstOrDefault()?.Day is { } day)
            {
                result[outlet] = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    /// <summary>An outlet's articles up to the end of a Vietnamese day.</summary>
    internal static Elastic.Clients.Elasticsearch.QueryDsl.Query LastArticle(string outlet, DateOnly asOf) => new Elastic.Clients.Elasticsearch.QueryDsl.BoolQuery
    {
        Filter =
        [
            ElasticsearchQueries.Term("outlet", outlet),
            new Elastic.Clients.Elasticsearch.QueryDsl.DateRangeQuery("day") { Format = "yyyy-MM-dd", Lte = CoverageRules.Key(asOf) },
        ],
    };

    private async Task<ArticleDocument?> DocumentAsync(string id, CancellationToken ct) =>
        (await Client.GetAsync<ArticleDocument>(new GetRequest(connection.Articles, id), ct)).Checked($"GET {connection.Articles}/_doc", NotFound).Source;
}

/// <summary>The fields of a tag document the article page reads.</summary>
internal sealed record TagFields
{
    public string PlanId { get; init; } = "";

    public int PlanVersion { get; init; }

    public string ThemeCode { get; init; } = "";

    public double Score { get; init; }

    public IReadOnlyList<Core.Tagging.Evidence> Evidence { get; init; } = [];

    public string Grade { get; init; } = Core.Tagging.ThemeGrade.Primary;
}
