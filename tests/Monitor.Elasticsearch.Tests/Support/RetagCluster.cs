using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Elasticsearch.Documents;

namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>An in-memory cluster's answers to a re-tag, in the shapes the REST specification gives: the articles index
/// holds <c>documents</c> (prefix "t-"), counted and paged through one point in time; every bulk item is accepted, every
/// delete and refresh answered. Shared by the page's scaled re-tag tests (Monitor.Dashboards.Tests) and the second
/// opinion's (Monitor.Host.Tests), which link this file.</summary>
internal static class RetagCluster
{
    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static (int Status, string Body) Answer(IReadOnlyList<ArticleDocument> documents, ScriptedCluster.Received request)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(request);
        return (request.Method, request.Path) switch
        {
            (_, var p) when p.StartsWith("/t-articles/_count", StringComparison.Ordinal) =>
                (200, "{\"count\":" + documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ""","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            (_, var p) when p.StartsWith("/t-articles/_pit", StringComparison.Ordinal) => (200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            ("DELETE", "/_pit") => (200, """{"succeeded":true,"num_freed":1}"""),
            (_, var p) when p.StartsWith("/_search", StringComparison.Ordinal) => (200,
                """{"pit_id":"pit-1","took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":["""
                + (request.Body.Contains("search_after", StringComparison.Ordinal) ? "" : string.Join(",", documents.Select((d, i) =>
                    $$"""{"_index":"t-articles","_id":"{{d.Id}}","_score":null,"_source":{{JsonSerializer.Serialize(d, Snake)}},"sort":[{{i}}]}""")))
                + "]}}"),
            (_, var p) when p.StartsWith("/_bulk", StringComparison.Ordinal) => (200, Answers.Bulk(Lines(request.Body)
                .Where(l => l["index"] is not null).Select(l => Answers.Indexed((string)l["index"]!["_index"]!, (string)l["index"]!["_id"]!, "updated", 200)).ToList())),
            (_, var p) when p.Contains("/_refresh", StringComparison.Ordinal) => (200, """{"_shards":{"total":2,"successful":1,"failed":0}}"""),
            _ => (200, """{"took":5,"timed_out":false,"total":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"failures":[],"_shards":{"total":2,"successful":2,"failed":0}}"""),
        };
    }

    /// <summary>The documents of an NDJSON body (a bulk request's actions and sources).</summary>
    public static IEnumerable<JsonNode> Lines(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l)!);
}
