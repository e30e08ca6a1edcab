using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace Monitor.Elasticsearch;

/// <summary>The two indices and their explicit, typed mappings: <c>{prefix}articles</c> (the article as written, folded
/// text for search) and <c>{prefix}tags</c> (one document per article, plan and theme, with the coverage columns).
/// Mappings are strict, so a document with a field the mapping does not name is an error, not a guess.</summary>
public sealed class ElasticsearchIndices(ElasticsearchConnection connection)
{
    /// <summary>The articles mapping: shown fields stored but not indexed, folded text searchable (VietnameseFolding keys,
    /// so "Chi dao" finds "Chỉ đạo" with the standard analyzer), near-duplicate links for the stories.</summary>
    public static TypeMapping ArticlesMapping() => Strict(new Properties
    {
        { "id", new KeywordProperty() },
        { "url", new KeywordProperty { Index = false } },
        { "canonical_url", new KeywordProperty { Index = false } },
        { "outlet", new KeywordProperty() },
        { "section", new KeywordProperty() },
        { "title", new TextProperty { Index = false } },
        { "description", new TextProperty { Index = false } },
        { "text", new TextProperty { Index = false } },
        { "title_folded", new TextProperty() },
        { "text_folded", new TextProperty() },
        { "published", new DateProperty() },
        { "modified", new DateProperty() },
        { "author", new KeywordProperty() },
        { "language", new KeywordProperty() },
        { "fetched_at", new DateProperty() },
        { "content_hash", new KeywordProperty() },
        { "day", Day() },
        { "week", new KeywordProperty() },
        { "month", new KeywordProperty() },
        { "duplicate_of", new KeywordProperty() },
        { "references", new KeywordProperty() },
        { "mentions", new ObjectProperty { Enabled = false } },
        { "counted_at", new LongNumberProperty() },
        { "revision", new IntegerNumberProperty() },
        { "changes", new ObjectProperty { Enabled = false } },
    });

    /// <summary>The tags mapping: what coverage filters and groups on. One document per article, plan and theme, so a
    /// bucket's document count is its number of distinct articles.</summary>
    public static TypeMapping TagsMapping() => Strict(new Properties
    {
        { "article_id", new KeywordProperty() },
        { "plan_id", new KeywordProperty() },
        { "plan_version", new IntegerNumberProperty() },
        { "theme_code", new KeywordProperty() },
        { "score", new FloatNumberProperty() },
        { "outlet", new KeywordProperty() },
        { "section", new KeywordProperty() },
        { "day", Day() },
        { "week", new KeywordProperty() },
        { "month", new KeywordProperty() },
        { "tagged_at", new DateProperty() },
        { "evidence", new ObjectProperty { Enabled = false } },
        { "grade", new KeywordProperty() },
    });

    /// <summary>Creates each index with its mapping when it is missing; an existing index gets the mapping put again,
    /// which adds a new field and leaves the rest. Safe to run at every start and from several processes.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var client = connection.Client;
        foreach (var (name, mapping) in new[] { (connection.Articles, ArticlesMapping()), (connection.Tags, TagsMapping()) })
        {
            var exists = await client.Indices.ExistsAsync(new ExistsRequest(name), ct);
            if (exists.Checked($"HEAD {name}", 404).ApiCallDetails.HttpStatusCode == 404)
            {
                var created = await client.Indices.CreateAsync(new CreateIndexRequest(name) { Mappings = mapping }, ct);
                // Another process may have created it between the two requests: then the mapping is put as below.
                if (created.IsValidResponse || created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
                {
                    created.Checked($"PUT {name}");
                    continue;
                }
            }

            var put = await client.Indices.PutMappingAsync(new PutMappingRequest(name) { Dynamic = mapping.Dynamic, Properties = mapping.Properties }, ct);
            put.Checked($"PUT {name}/_mapping");
        }
    }

    /// <summary>Makes what was written visible to searches.</summary>
    public async Task RefreshAsync(CancellationToken ct) =>
        (await connection.Client.Indices.RefreshAsync(new RefreshRequest($"{connection.Articles},{connection.Tags}"), ct)).Checked("POST _refresh");

    /// <summary>Deletes both indices (tests with a prefix of their own; never called by the product).</summary>
    public async Task DeleteAsync(CancellationToken ct) =>
        (await connection.Client.Indices.DeleteAsync(new DeleteIndexRequest($"{connection.Articles},{connection.Tags}"), ct)).Checked("DELETE", 404);

    /// <summary>Days are Vietnamese calendar days written yyyy-MM-dd, as the SQLite store keeps them.</summary>
    private static DateProperty Day() => new() { Format = "yyyy-MM-dd" };

    private static TypeMapping Strict(Properties properties) => new() { Dynamic = DynamicMapping.Strict, Properties = properties };
}
