using System.Net;
using System.Text.Json.Nodes;

namespace Monitor.Storage.Elasticsearch;

/// <summary>The two indices and their explicit mappings: <c>{prefix}articles</c> (one document per article, folded text
/// for search) and <c>{prefix}tags</c> (one document per article, plan and theme, with the coverage columns the SQLite
/// tags carry). Mappings are strict, so a document with a field the mapping does not name is an error, not a guess.</summary>
public sealed class ElasticsearchIndices(ElasticsearchClient client)
{
    public string Articles { get; } = client.Options.IndexPrefix + "articles";

    public string Tags { get; } = client.Options.IndexPrefix + "tags";

    /// <summary>Days are Vietnamese calendar days written yyyy-MM-dd, as the SQLite store keeps them.</summary>
    private static JsonObject Day() => new() { ["type"] = "date", ["format"] = "yyyy-MM-dd" };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Date() => new() { ["type"] = "date" };

    private static JsonObject Text() => new() { ["type"] = "text" };

    /// <summary>The body of PUT {articles}: the article as shown (title, url) and folded for search (VietnameseFolding keys,
    /// so "Chi dao" finds "Chỉ đạo" with the standard analyzer), plus the near-duplicate links the stories need.</summary>
    public static JsonObject ArticlesMapping() => Index(new JsonObject
    {
        ["id"] = Keyword(),
        ["url"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
        ["outlet"] = Keyword(),
        ["section"] = Keyword(),
        ["title"] = new JsonObject { ["type"] = "text", ["index"] = false },
        ["title_folded"] = Text(),
        ["text_folded"] = Text(),
        ["published"] = Date(),
        ["fetched_at"] = Date(),
        ["day"] = Day(),
        ["week"] = Keyword(),
        ["month"] = Keyword(),
        ["content_hash"] = Keyword(),
        ["duplicate_of"] = Keyword(),
    });

    /// <summary>The body of PUT {tags}: what coverage filters and groups on. One document per article, plan and theme, so a
    /// bucket's document count is its number of distinct articles.</summary>
    public static JsonObject TagsMapping() => Index(new JsonObject
    {
        ["article_id"] = Keyword(),
        ["plan_id"] = Keyword(),
        ["plan_version"] = new JsonObject { ["type"] = "integer" },
        ["theme_code"] = Keyword(),
        ["score"] = new JsonObject { ["type"] = "float" },
        ["outlet"] = Keyword(),
        ["section"] = Keyword(),
        ["day"] = Day(),
        ["week"] = Keyword(),
        ["month"] = Keyword(),
        ["tagged_at"] = Date(),
    });

    /// <summary>Creates each index with its mapping when it is missing; an existing index gets the mapping put again,
    /// which adds a new field and leaves the rest. Safe to run at every start and from several processes.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var (name, body) in new[] { (Articles, ArticlesMapping()), (Tags, TagsMapping()) })
        {
            var (status, _) = await client.SendAsync(HttpMethod.Head, name, null, ct, HttpStatusCode.NotFound);
            if (status == HttpStatusCode.NotFound)
            {
                try
                {
                    await client.SendAsync(HttpMethod.Put, name, body, ct);
                    continue;
                }
                catch (ElasticsearchException e) when (e.ErrorType == "resource_already_exists_exception")
                {
                    // Another process created it between the HEAD and the PUT: fall through to the mapping update.
                }
            }

            await client.SendAsync(HttpMethod.Put, name + "/_mapping", body["mappings"]!.DeepClone(), ct);
        }
    }

    /// <summary>Makes what was written visible to searches (the indexer calls it after a feed).</summary>
    public Task RefreshAsync(CancellationToken ct) => client.SendAsync(HttpMethod.Post, $"{Articles},{Tags}/_refresh", null, ct);

    /// <summary>Deletes both indices (tests with a prefix of their own; never called by the product).</summary>
    public Task DeleteAsync(CancellationToken ct) => client.SendAsync(HttpMethod.Delete, $"{Articles},{Tags}", null, ct, HttpStatusCode.NotFound);

    private static JsonObject Index(JsonObject properties) => new()
    {
        ["mappings"] = new JsonObject { ["dynamic"] = "strict", ["properties"] = properties },
    };
}
