using System.Text;
using System.Text.Json.Nodes;

namespace Monitor.Storage.Elasticsearch;

/// <summary>Writes articles and their tags with the _bulk API, idempotent by article id: the article document's id is
/// the article id and a tag's is article|plan|theme, so writing the same article twice changes nothing, and a re-tag
/// replaces the plan's tags of the article (themes it no longer has are deleted). A failed item is never dropped
/// quietly: the batch ends with <see cref="ElasticsearchBulkException"/>, one line per failed item.</summary>
public sealed class ElasticsearchIndexer(ElasticsearchClient client, ElasticsearchIndices indices)
{
    /// <summary>Writes a batch; <paramref name="plans"/> are the plans whose tags each article carries in full (a plan
    /// listed with no tag for an article removes that article's tags of the plan).</summary>
    /// <returns>The number of documents written.</returns>
    public async Task<int> IndexAsync(IReadOnlyList<IndexedArticle> batch, IReadOnlyCollection<string> plans, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plans);
        if (batch.Count == 0)
        {
            return 0;
        }

        var (ndjson, owners) = BulkBody(indices, batch);
        var response = await client.BulkAsync(ndjson, ct);
        var failures = ParseBulk(response, owners);
        var failed = failures.Select(f => f.ArticleId).ToHashSet(StringComparer.Ordinal);
        // Stale tags go only for articles written whole. The query sees what was refreshed: stale tags come from an earlier
        // feed, which ended with a refresh; the tags just written are excluded by id whether visible yet or not.: an article with a failed item keeps its old tags until it is written again.
        var whole = batch.Where(a => !failed.Contains(a.Article.Id)).ToList();
        if (whole.Count > 0 && plans.Count > 0)
        {
            await client.SendAsync(HttpMethod.Post, indices.Tags + "/_delete_by_query?conflicts=proceed", StaleTags(whole, plans), ct);
        }

        if (failures.Count > 0)
        {
            throw new ElasticsearchBulkException(failures);
        }

        return owners.Count;
    }

    /// <summary>The _bulk body and, per (index, document id), the article it belongs to.</summary>
    internal static (string Body, Dictionary<(string Index, string Id), string> Owners) BulkBody(ElasticsearchIndices indices, IReadOnlyList<IndexedArticle> batch)
    {
        var body = new StringBuilder();
        var owners = new Dictionary<(string, string), string>();
        foreach (var (article, tags) in batch)
        {
            Add(indices.Articles, article.Id, article.Id, ArticleJson(article));
            foreach (var tag in tags)
            {
                Add(indices.Tags, tag.DocumentId, article.Id, TagJson(tag));
            }
        }

        return (body.ToString(), owners);

        void Add(string index, string id, string articleId, JsonObject document)
        {
            body.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = id } }.ToJsonString()).Append('\n');
            body.Append(document.ToJsonString()).Append('\n');
            owners[(index, id)] = articleId;
        }
    }

    /// <summary>The failed items of a _bulk answer (items come back in request order, each under its action's name).</summary>
    internal static List<BulkFailure> ParseBulk(JsonNode response, IReadOnlyDictionary<(string Index, string Id), string> owners)
    {
        var failures = new List<BulkFailure>();
        if (response["errors"]?.GetValue<bool>() != true)
        {
            return failures;
        }

        foreach (var item in response["items"]?.AsArray() ?? [])
        {
            if (item is not JsonObject action || action.FirstOrDefault() is not { Value: JsonObject result })
            {
                continue;
            }

            if (result["error"] is not { } error)
            {
                continue;
            }

            var index = result["_index"]?.GetValue<string>() ?? "?";
            var id = result["_id"]?.GetValue<string>() ?? "?";
            var type = error is JsonObject ? error["type"]?.GetValue<string>() ?? "error" : "error";
            var reason = error is JsonObject ? error["reason"]?.GetValue<string>() ?? "" : error.ToString();
            failures.Add(new BulkFailure(owners.GetValueOrDefault((index, id), id), index, id, result["status"]?.GetValue<int>() ?? 0, type, reason));
        }

        return failures;
    }

    /// <summary>Tags of these articles for these plans that the batch did not write: themes a re-tag dropped.</summary>
    internal static JsonObject StaleTags(IReadOnlyList<IndexedArticle> batch, IReadOnlyCollection<string> plans) => new()
    {
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["filter"] = new JsonArray(
                    ElasticsearchQueries.Terms("article_id", batch.Select(a => a.Article.Id)),
                    ElasticsearchQueries.Terms("plan_id", plans)),
                ["must_not"] = new JsonArray(new JsonObject
                {
                    ["ids"] = new JsonObject { ["values"] = new JsonArray(batch.SelectMany(a => a.Tags).Select(t => (JsonNode)t.DocumentId).ToArray()) },
                }),
            },
        },
    };

    internal static JsonObject ArticleJson(ArticleDocument a) => new()
    {
        ["id"] = a.Id,
        ["url"] = a.Url,
        ["outlet"] = a.Outlet,
        ["section"] = a.Section,
        ["title"] = a.Title,
        ["title_folded"] = a.TitleFolded,
        ["text_folded"] = a.TextFolded,
        ["published"] = a.Published,
        ["fetched_at"] = a.FetchedAt,
        ["day"] = a.Day,
        ["week"] = a.Week,
        ["month"] = a.Month,
        ["content_hash"] = a.ContentHash,
        ["duplicate_of"] = new JsonArray(a.DuplicateOf.Select(d => (JsonNode)d).ToArray()),
    };

    internal static JsonObject TagJson(TagDocument t) => new()
    {
        ["article_id"] = t.ArticleId,
        ["plan_id"] = t.PlanId,
        ["plan_version"] = t.PlanVersion,
        ["theme_code"] = t.ThemeCode,
        ["score"] = t.Score,
        ["outlet"] = t.Outlet,
        ["section"] = t.Section,
        ["day"] = t.Day,
        ["week"] = t.Week,
        ["month"] = t.Month,
        ["tagged_at"] = t.TaggedAt,
    };
}

/// <summary>One item of a _bulk request that Elasticsearch refused.</summary>
public sealed record BulkFailure(string ArticleId, string Index, string DocumentId, int Status, string Type, string Reason)
{
    public override string ToString() => $"bài {ArticleId}: {Index}/{DocumentId} bị từ chối (HTTP {Status}) {Type}: {Reason}";
}

/// <summary>Some items of a _bulk request failed; the message has one line per failed item naming the article and the reason.</summary>
public sealed class ElasticsearchBulkException(IReadOnlyList<BulkFailure> failures)
    : Exception($"Elasticsearch từ chối {failures.Count} mục khi ghi:" + Environment.NewLine + string.Join(Environment.NewLine, failures))
{
    public IReadOnlyList<BulkFailure> Failures { get; } = failures;
}
