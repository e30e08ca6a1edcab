using System.Text.Json.Nodes;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Plans;
using static Monitor.Elasticsearch.Tests.Support.Documents;

namespace Monitor.Elasticsearch.Tests;

/// <summary>How the store reads answers shaped as the REST specification gives them: a refused bulk item stops the batch
/// with its line, an older fetch (409) is left out without an error and without tags, a newly created article needs no
/// stale-tag delete, a re-tag pages a point in time to its end and closes it.</summary>
public sealed class ElasticsearchAnswerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly System.Text.Json.JsonSerializerOptions Snake = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public async Task A_refused_item_stops_the_batch_with_its_line_and_only_whole_articles_lose_their_stale_tags()
    {
        var cluster = new ScriptedCluster(r => r.Path switch
        {
            var p when p.StartsWith("/_bulk", StringComparison.Ordinal) && r.Body.Contains("t-articles", StringComparison.Ordinal) =>
                (200, Answers.Bulk([Answers.Indexed("t-articles", "a1", "updated", 200), Answers.Indexed("t-articles", "a2", "updated", 200)])),
            var p when p.StartsWith("/_bulk", StringComparison.Ordinal) => (200, Answers.Bulk([
                Answers.Indexed("t-tags", "a1|w46|1.2"),
                Answers.Refused("t-tags", "a2|w46|1.3", 400, "document_parsing_exception", "failed to parse field [day] of type [date]")])),
            _ => (200, """{"took":5,"timed_out":false,"total":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"failures":[]}"""),
        });

        var e = await Assert.ThrowsAsync<ElasticsearchBulkException>(() => new ElasticsearchIndexer(cluster.Connect()).IndexAsync([Indexed("a1", "1.2"), Indexed("a2", "1.3")], ["w46"], Ct));

        Assert.Equal("bài a2: t-tags/a2|w46|1.3 bị từ chối (HTTP 400) document_parsing_exception: failed to parse field [day] of type [date]", Assert.Single(e.Failures).ToString());
        var delete = Assert.Single(cluster.Requests, r => r.Path.StartsWith("/t-tags/_delete_by_query", StringComparison.Ordinal));
        Assert.Equal("""{"terms":{"article_id":["a1"]}}""", JsonNode.Parse(delete.Body)!["query"]!["bool"]!["filter"]![0]!.ToJsonString());
        Assert.Contains("conflicts=proceed", delete.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_fetch_refused_by_the_version_guard_is_left_out_without_an_error_and_without_its_tags()
    {
        var cluster = new ScriptedCluster(r => r.Body.Contains("t-articles", StringComparison.Ordinal)
            ? (200, Answers.Bulk([
                Answers.Refused("t-articles", "old", 409, "version_conflict_engine_exception", "[old]: version conflict, current version [1731380400000] is higher than the one provided [1731376800000]"),
                Answers.Indexed("t-articles", "new")]))
            : (200, Answers.Bulk([Answers.Indexed("t-tags", "new|w46|1.2")])));

        var written = await new ElasticsearchIndexer(cluster.Connect()).IndexAsync([Indexed("old", "1.2"), Indexed("new", "1.2")], ["w46"], Ct);

        Assert.Equal([1], written);
        var tags = cluster.Requests[1].Body;
        Assert.Contains("new|w46|1.2", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("old|", tags, StringComparison.Ordinal);
        // Both articles were created or refused: nothing can have stale tags, so no delete is sent.
        Assert.Equal(2, cluster.Requests.Count);
    }

    [Fact]
    public async Task A_re_tag_pages_a_point_in_time_to_its_end_writes_the_new_tags_and_removes_older_versions()
    {
        var article = Article("a1") with { Text = "Phòng ngừa ngộ độc thực phẩm trong mùa lễ hội." };
        var source = System.Text.Json.JsonSerializer.Serialize(article, Snake);
        var cluster = new ScriptedCluster(r => (r.Method, r.Path) switch
        {
            (_, var p) when p.StartsWith("/t-articles/_count", StringComparison.Ordinal) => (200, """{"count":1,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            (_, var p) when p.StartsWith("/t-articles/_pit", StringComparison.Ordinal) => (200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            ("DELETE", "/_pit") => (200, """{"succeeded":true,"num_freed":1}"""),
            (_, var p) when p.StartsWith("/_search", StringComparison.Ordinal) && !r.Body.Contains("search_after", StringComparison.Ordinal) => (200,
                """{"pit_id":"pit-2","took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":[{"_index":"t-articles","_id":"a1","_score":null,"_source":"""
                + source + ""","sort":[17]}]}}"""),
            (_, var p) when p.StartsWith("/_search", StringComparison.Ordinal) => (200,
                """{"pit_id":"pit-2","took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":[]}}"""),
            (_, var p) when p.StartsWith("/_bulk", StringComparison.Ordinal) && r.Body.Contains("t-articles", StringComparison.Ordinal) =>
                (200, Answers.Bulk([Answers.Indexed("t-articles", "a1", "updated", 200)])),
            (_, var p) when p.StartsWith("/_bulk", StringComparison.Ordinal) => (200, Answers.Bulk([Answers.Indexed("t-tags", "a1|w46|1.2")])),
            _ => (200, """{"took":5,"timed_out":false,"total":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"failures":[],"_shards":{"total":2,"successful":2,"failed":0}}"""),
        });
        var connection = cluster.Connect();
        var retagger = new ElasticsearchRetagger(connection, new ElasticsearchIndexer(connection), new ElasticsearchIndices(connection), TimeProvider.System);

        var summary = await retagger.RetagAsync(new StoredPlan("w46", 2, DateTimeOffset.UnixEpoch, CoverageFixture.Plan()), null, Ct);

        Assert.Equal((1L, 1L, 1L), (summary.Articles, summary.Tagged, summary.Tags));
        var searches = cluster.Requests.Where(r => r.Path.StartsWith("/_search", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, searches.Count);
        Assert.Equal(("pit-1", "pit-2"), (searches[0]["pit"]!["id"]!.GetValue<string>(), searches[1]["pit"]!["id"]!.GetValue<string>()));
        Assert.Equal("[17]", searches[1]["search_after"]!.ToJsonString());
        Assert.Equal("""{"range":{"day":{"format":"yyyy-MM-dd","gte":"2024-11-11"}}}""", searches[0]["query"]!.ToJsonString());
        var tags = cluster.Requests.Single(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal) && r.Body.Contains("t-tags", StringComparison.Ordinal)).Body;
        Assert.Contains("\"plan_version\":2", tags, StringComparison.Ordinal);
        Assert.Contains("\"theme_code\":\"1.2\"", tags, StringComparison.Ordinal);
        var older = JsonNode.Parse(cluster.Requests.Last(r => r.Path.StartsWith("/t-tags/_delete_by_query", StringComparison.Ordinal)).Body)!;
        Assert.Equal("""{"bool":{"filter":{"term":{"plan_id":{"value":"w46"}}},"must_not":{"term":{"plan_version":{"value":2}}}}}""", older["query"]!.ToJsonString());
        Assert.Single(cluster.Requests, r => r.Method == "DELETE" && r.Path == "/_pit");
    }
}
