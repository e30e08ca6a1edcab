using System.Text.Json.Nodes;
using Monitor.Storage.Coverage;
using Monitor.Storage.Elasticsearch;
using Monitor.Storage.Plans;
using Monitor.Storage.Tests.Support;

namespace Monitor.Storage.Tests.Elasticsearch;

/// <summary>How the store and the indexer read answers, with canned answers from a loopback listener: composite pages
/// are followed to the end, a refused bulk item stops the batch with its line and spares that article's old tags. The
/// answers are written by hand, so these prove the reading, not that a cluster would answer so.</summary>
public sealed class ElasticsearchAnswerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_composite_aggregation_is_read_page_after_page_until_a_short_page()
    {
        var day = new DateTimeOffset(2024, 11, 12, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await using var server = LoopbackServer.Start((method, path, body) =>
        {
            if (path.EndsWith("/_count", StringComparison.Ordinal))
            {
                return (200, """{"count":7}""");
            }

            var after = JsonNode.Parse(body)!["aggs"]!["c"]!["composite"]!["after"];
            var buckets = after is null
                ? Enumerable.Range(0, ElasticsearchQueries.PageSize).Select(i => Bucket("1.2", day, "o" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), 1))
                : [Bucket("1.3", day + 86_400_000, "o0000", 2)];
            var next = after is null ? ""","after_key":{"theme_code":"1.2","day":0,"outlet":"o0999"}""" : "";
            return (200, """{"aggregations":{"c":{"buckets":[""" + string.Join(",", buckets) + "]" + next + "}}}");
        });
        var client = new ElasticsearchClient(new HttpClient(), new ElasticsearchOptions { Url = server.Url, IndexPrefix = "t-" });
        await using var sqlite = await StoreFixture.CreateAsync();
        var store = new ElasticsearchCoverageStore(client, new ElasticsearchIndices(client), new SqliteCoverageStore(sqlite.Db, TimeProvider.System));

        var report = await store.CoverageAsync(new StoredPlan("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan()), new CoverageQuery(CoveragePeriod.Month), Ct);

        Assert.Equal((ElasticsearchQueries.PageSize, "2024-11"), (report.Cells.Where(c => c.Theme == "1.2").Sum(c => c.Articles), report.Cells[0].Period));
        Assert.Equal(new CoverageCell("1.3", "o0000", "2024-11", 2), report.Cells.Single(c => c.Theme == "1.3"));
        Assert.Equal(7, report.ArticlesStored);
        var searches = server.Requests.Where(r => r.Path == "/t-tags/_search").ToList();
        Assert.Equal(2, searches.Count);
        Assert.Equal("""{"theme_code":"1.2","day":0,"outlet":"o0999"}""", JsonNode.Parse(searches[1].Body)!["aggs"]!["c"]!["composite"]!["after"]!.ToJsonString());
    }

    [Fact]
    public async Task A_refused_bulk_item_stops_the_batch_with_its_line_and_only_whole_articles_lose_their_stale_tags()
    {
        await using var server = LoopbackServer.Start((method, path, body) => path switch
        {
            "/_bulk" => (200, """
                {"errors":true,"items":[
                  {"index":{"_index":"t-articles","_id":"a1","status":200}},
                  {"index":{"_index":"t-tags","_id":"a1|w46|1.2","status":200}},
                  {"index":{"_index":"t-articles","_id":"a2","status":200}},
                  {"index":{"_index":"t-tags","_id":"a2|w46|1.3","status":400,"error":{"type":"document_parsing_exception","reason":"failed to parse field [day] of type [date]"}}}]}
                """),
            _ => (200, """{"deleted":0}"""),
        });
        var client = new ElasticsearchClient(new HttpClient(), new ElasticsearchOptions { Url = server.Url, IndexPrefix = "t-" });
        var indexer = new ElasticsearchIndexer(client, new ElasticsearchIndices(client));

        var e = await Assert.ThrowsAsync<ElasticsearchBulkException>(() => indexer.IndexAsync([Indexed("a1", "1.2"), Indexed("a2", "1.3")], ["w46"], Ct));

        Assert.Equal("bài a2: t-tags/a2|w46|1.3 bị từ chối (HTTP 400) document_parsing_exception: failed to parse field [day] of type [date]", Assert.Single(e.Failures).ToString());
        var delete = Assert.Single(server.Requests, r => r.Path.StartsWith("/t-tags/_delete_by_query", StringComparison.Ordinal));
        Assert.Equal("""{"terms":{"article_id":["a1"]}}""", JsonNode.Parse(delete.Body)!["query"]!["bool"]!["filter"]![0]!.ToJsonString());
    }

    private static string Bucket(string theme, long day, string outlet, int count) =>
        $$"""{"key":{"theme_code":"{{theme}}","day":{{day}},"outlet":"{{outlet}}"},"doc_count":{{count}}}""";

    private static IndexedArticle Indexed(string id, string theme) => new(
        new ArticleDocument(id, "https://x.vn/" + id, "o", null, "Tin", "tin", "noi dung", null, "2024-11-12T09:00:00.000+07:00", "2024-11-12", "2024-W46", "2024-11", "h", []),
        [new TagDocument(id, "w46", 1, theme, 1.0, "o", null, "2024-11-12", "2024-W46", "2024-11", "2024-11-12T09:00:00.000+07:00")]);
}
