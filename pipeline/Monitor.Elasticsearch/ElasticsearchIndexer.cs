using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Crawl;
using Monitor.Storage.Feedback;

namespace Monitor.Elasticsearch;

/// <summary>Writes articles and their tags with the _bulk API, idempotent by article id and guarded by version: an
/// article document's id is the article id and its version the fetch time (<c>external_gte</c>), so the same fetch
/// written twice changes nothing and an older fetch never overwrites a newer one. Articles go first; only the articles
/// the cluster took get their tags (same version guard) and lose the tags a re-tag dropped, so a refused older fetch
/// leaves no tag behind. A failed item is never dropped quietly: the batch ends with <see cref="ElasticsearchBulkException"/>,
/// one line per failed item, after the articles that were written whole. Analysts' decisions in force are applied to
/// every batch (<see cref="ElasticsearchFeedback"/>) when the store has them to read, and so are the crawler's
/// near-duplicate links (<c>duplicate_of</c>, which the coverage store's copies and stories read): the crawler records an
/// article's links in the SQLite database before it publishes the article, so whoever writes it finds them there.</summary>
public sealed class ElasticsearchIndexer(ElasticsearchConnection connection, FeedbackDecisions? feedback = null, NearDuplicates? duplicates = null)
{
    /// <summary>The status and type Elasticsearch answers when a document holds a later version than the one written.</summary>
    private const int Conflict = 409;

    /// <summary>Writes a batch; <paramref name="plans"/> are the plans whose tags each article carries in full (a plan
    /// listed with no tag for an article removes that article's tags of the plan).</summary>
    /// <returns>The positions, in <paramref name="batch"/>, of the articles written (a refused older fetch is not).</returns>
    public async Task<IReadOnlyList<int>> IndexAsync(IReadOnlyList<IndexedArticle> batch, IReadOnlyCollection<string> plans, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plans);
        if (batch.Count == 0)
        {
            return [];
        }

        if (feedback is not null)
        {
            batch = ElasticsearchFeedback.Apply(batch, plans, await feedback.ForAsync(plans, batch.Select(a => a.Article.Id).ToList(), ct));
        }

        batch = await ArticleHistory.ApplyAsync(connection, batch, ct);
        if (duplicates is not null)
        {
            batch = WithCopies(batch, await duplicates.CopiedAsync(batch.Select(a => a.Article.Id).Distinct(StringComparer.Ordinal).ToList(), ct));
        }

        var articles = await BulkAsync(ArticlesBulk(connection.Articles, batch.Select(a => a.Article)), ct);
        var taken = Enumerable.Range(0, batch.Count)
            .Where(i => !articles.Stale.Contains(batch[i].Article.Id) && !articles.Failed.Contains(batch[i].Article.Id))
            .ToList();
        var failures = articles.Failures.ToList();
        if (taken.Count > 0)
        {
            var whole = taken.Select(i => batch[i]).ToList();
            var tags = await BulkAsync(TagsBulk(connection.Tags, whole), ct);
            failures.AddRange(tags.Failures);
            // Stale tags go only for articles written whole, and only where there can be any: an article the cluster has
            // just created has no earlier tags. The query sees what was refreshed (a tag written less than a refresh
            // interval ago by an earlier write of the same article is not seen); the tags just written are excluded by id.
            var replaced = whole.Where(a => !tags.Failed.Contains(a.Article.Id) && !articles.Created.Contains(a.Article.Id)).ToList();
            if (replaced.Count > 0 && plans.Count > 0)
            {
                var deleted = await connection.Client.DeleteByQueryAsync(new DeleteByQueryRequest(connection.Tags)
                {
                    Conflicts = Elastic.Clients.Elasticsearch.Conflicts.Proceed,
                    Query = StaleTags(replaced, plans),
                }, ct);
                deleted.Checked($"POST {connection.Tags}/_delete_by_query");
            }

            taken = taken.Where(i => !tags.Failed.Contains(batch[i].Article.Id)).ToList();
        }

        if (failures.Count > 0)
        {
            throw new ElasticsearchBulkException(failures);
        }

        return taken;
    }

    /// <summary>Each article with the crawler's links added to those it carries already (the feed's, or those a re-tag read
    /// back from the index): links are only ever added, as in the crawler's table.</summary>
    internal static IReadOnlyList<IndexedArticle> WithCopies(IReadOnlyList<IndexedArticle> batch, IReadOnlyDictionary<string, IReadOnlyList<string>> copied) =>
        copied.Count == 0 ? batch : batch.Select(a => copied.TryGetValue(a.Article.Id, out var of)
            ? a with { Article = a.Article with { DuplicateOf = a.Article.DuplicateOf.Union(of, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() } }
            : a).ToList();

    /// <summary>Index operations of the articles, each under its id with its fetch time as external version.</summary>
    internal static BulkRequest ArticlesBulk(string index, IEnumerable<ArticleDocument> articles) => new()
    {
        Operations = new BulkOperationsCollection(articles.Select(a => (IBulkOperation)new BulkIndexOperation<ArticleDocument>(a, index)
        {
            Id = a.Id, Version = a.Version, VersionType = VersionType.ExternalGte,
        })),
    };

    /// <summary>Index operations of the articles' tags, each under article|plan|theme with its article's version.</summary>
    internal static BulkRequest TagsBulk(string index, IEnumerable<IndexedArticle> articles) => new()
    {
        Operations = new BulkOperationsCollection(articles.SelectMany(a => a.Tags.Select(t => (IBulkOperation)new BulkIndexOperation<TagDocument>(t, index)
        {
            Id = t.DocumentId, Version = a.Article.Version, VersionType = VersionType.ExternalGte,
        }))),
    };

    /// <summary>Tags of these articles for these plans that the batch did not write: themes a re-tag dropped.</summary>
    internal static Query StaleTags(IReadOnlyList<IndexedArticle> articles, IReadOnlyCollection<string> plans) => new BoolQuery
    {
        Filter = [ElasticsearchQueries.Terms("article_id", articles.Select(a => a.Article.Id)), ElasticsearchQueries.Terms("plan_id", plans)],
        MustNot = [new IdsQuery { Values = new Ids(articles.SelectMany(a => a.Tags).Select(t => t.DocumentId)) }],
    };

    /// <summary>Reads a _bulk answer: the items refused (one line each, naming the article), the articles with a refused
    /// item, the articles whose document holds a later version (409: an older fetch, not a failure) and those just created.</summary>
    internal static BulkOutcome Read(BulkResponse response)
    {
        var outcome = new BulkOutcome();
        foreach (var item in response.Items ?? [])
        {
            var article = ArticleOf(item.Id ?? "?");
            if (item.Error is null)
            {
                if (item.Result == "created")
                {
                    outcome.Created.Add(article);
                }

                continue;
            }

            if (item.Status == Conflict && item.Error.Type == "version_conflict_engine_exception")
            {
                outcome.Stale.Add(article);
                continue;
            }

            outcome.Failed.Add(article);
            outcome.Failures.Add(new BulkFailure(article, item.Index ?? "?", item.Id ?? "?", item.Status, item.Error.Type ?? "error", item.Error.Reason ?? ""));
        }

        return outcome;
    }

    /// <summary>The article a document id belongs to: the id itself, or the first part of article|plan|theme.</summary>
    private static string ArticleOf(string documentId) => documentId.Split('|')[0];

    private async Task<BulkOutcome> BulkAsync(BulkRequest request, CancellationToken ct)
    {
        if (request.Operations is not { Count: > 0 })
        {
            return new BulkOutcome();
        }

        var response = await connection.Client.BulkAsync(request, ct);
        // An item error is an answer (200 with errors: true); a status error or no answer is the whole request's failure.
        if (response.ApiCallDetails.HttpStatusCode is not 200)
        {
            response.Checked("POST _bulk");
        }

        return Read(response);
    }
}

/// <summary>What a _bulk answer said, per article.</summary>
internal sealed class BulkOutcome
{
    public List<BulkFailure> Failures { get; } = [];

    public HashSet<string> Failed { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Stale { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);
}
