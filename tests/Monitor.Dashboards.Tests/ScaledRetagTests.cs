using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Plans;
using Monitor.Dashboards.Tests.Support;
using Monitor.Elasticsearch;
using Monitor.Elasticsearch.Documents;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>The Kế hoạch page's re-tag in the scaled mode (<c>Monitor:Elasticsearch:Url</c> set): composed by
/// <c>AddMonitorElasticsearch</c> as <c>monitor serve</c> and <c>monitor retag</c> compose it, the page's job goes through
/// SQLite's and Elasticsearch's retaggers. Against the Elasticsearch tests' in-memory cluster (answers in the REST
/// specification's shapes: it proves the requests and the reading of answers), and against a real cluster when
/// <c>MONITOR_ELASTICSEARCH_URL</c> is set.</summary>
public sealed class ScaledRetagTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public async Task The_pages_retag_goes_through_the_elasticsearch_retagger_and_writes_the_tags_sqlite_gets()
    {
        List<ArticleDocument> documents = [];
        using var cluster = new ScriptedCluster(r => Answer(documents, r.Method, r.Path, r.Body));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitor:Elasticsearch:Url"] = "http://127.0.0.1:9200", ["Monitor:Elasticsearch:IndexPrefix"] = "t-",
        }).Build();
        // The product's composition from the settings; only the connection's transport is the in-memory cluster.
        await using var site = await DashboardSite.StartAsync(Ct, configure: s => s.AddMonitorElasticsearch(settings)
            .Replace(ServiceDescriptor.Singleton(cluster.Connect(new ElasticsearchOptions { Url = "http://127.0.0.1:9200", IndexPrefix = "t-" }))));
        // The cluster holds the store's articles (as the feed or the Kafka taggers would have written them).
        await foreach (var article in new ArticleReader(site.Db).AllAsync(Ct))
        {
            documents.Add(ArticleDocument.Of(article));
        }

        Assert.Equal(["SQLite", "Elasticsearch"], site.Services.GetServices<IStoreRetagger>().Select(r => r.Store));
        using var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        await RetagJobTests.StartAsync(analyst);
        RetagStatus? status = null;
        Assert.True(await Eventually.TrueAsync(async () => (status = await RetagJobTests.StatusAsync(analyst))!.State != "running", TimeSpan.FromSeconds(60)),
            "the re-tag ends");
        Assert.Equal(("done", 10L, 10L), (status!.State, status.Done, status.Total));
        var sqlite = await TagsAsync(site);
        Assert.Matches(@"^Đã gắn lại 5 bài trong khung … – …: \d+ bài có chủ đề, \d+ nhãn\. Đã gắn lại 5 bài trong khung … – … \(Elasticsearch\): \d+ bài có chủ đề, "
            + sqlite.Count + @" nhãn\.$", status.Message);

        // What Elasticsearch was asked: the articles of the windows through a point in time, this version's tags (the same
        // as SQLite's), the older versions' tags removed, the point in time closed.
        var requests = cluster.Requests;
        Assert.Contains(requests, r => r.Path.StartsWith("/t-articles/_count", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path.StartsWith("/t-articles/_pit", StringComparison.Ordinal));
        var written = requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).SelectMany(r => Lines(r.Body))
            .Where(d => d["plan_id"] is not null).Select(d => (Article: (string)d["article_id"]!, Theme: (string)d["theme_code"]!, Version: (int)d["plan_version"]!)).ToList();
        Assert.Equal(sqlite.Order(), written.Select(t => (t.Article, t.Theme)).Order());
        Assert.All(written, t => Assert.Equal(1, t.Version));
        var older = JsonNode.Parse(requests.Last(r => r.Path.StartsWith("/t-tags/_delete_by_query", StringComparison.Ordinal)).Body)!;
        Assert.Equal("""{"bool":{"filter":{"term":{"plan_id":{"value":"w46"}}},"must_not":{"term":{"plan_version":{"value":1}}}}}""", older["query"]!.ToJsonString());
        Assert.Contains(requests, r => r.Method == "DELETE" && r.Path == "/_pit");
    }

    [ElasticsearchFact]
    public async Task On_a_real_cluster_the_pages_retag_leaves_the_cluster_counting_what_sqlite_counts()
    {
        var prefix = "monitor-test-" + Guid.NewGuid().ToString("n")[..12] + "-";
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitor:Elasticsearch:Url"] = ElasticsearchFactAttribute.Url, ["Monitor:Elasticsearch:ApiKey"] = Environment.GetEnvironmentVariable("MONITOR_ELASTICSEARCH_API_KEY"),
            ["Monitor:Elasticsearch:IndexPrefix"] = prefix,
        }).Build();
        await using var site = await DashboardSite.StartAsync(Ct, configure: s => s.AddMonitorElasticsearch(settings));
        await site.Services.StartElasticsearchAsync(Ct);
        var indices = site.Services.GetRequiredService<ElasticsearchIndices>();
        try
        {
            await site.Services.GetRequiredService<ElasticsearchFeed>().RunAsync(0, 100, Ct);
            using var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct);
            await RetagJobTests.StartAsync(analyst);
            RetagStatus? status = null;
            Assert.True(await Eventually.TrueAsync(async () => (status = await RetagJobTests.StatusAsync(analyst))!.State != "running", TimeSpan.FromSeconds(120)),
                "the re-tag ends");
            Assert.Equal("done", status!.State);
            await indices.RefreshAsync(Ct);
            var query = new Storage.Coverage.CoverageQuery(Storage.Coverage.CoveragePeriod.Window);
            var elastic = await site.Services.GetRequiredService<Storage.Coverage.ICoverageStore>().CoverageAsync(site.Plan, query, Ct);
            var sqlite = await new Storage.Coverage.SqliteCoverageStore(site.Db, TimeProvider.System).CoverageAsync(site.Plan, query, Ct);
            Assert.Equal(sqlite.Cells.Select(c => (c.Theme, c.Outlet, c.Articles)), elastic.Cells.Select(c => (c.Theme, c.Outlet, c.Articles)));
        }
        finally
        {
            await indices.DeleteAsync(Ct);
        }
    }

    // The in-memory cluster's answers, in the shapes the REST specification gives: the articles counted and paged through
    // one point in time, every bulk item accepted, every delete and refresh answered.
    private static (int Status, string Body) Answer(List<ArticleDocument> documents, string method, string path, string body) => (method, path) switch
    {
        (_, var p) when p.StartsWith("/t-articles/_count", StringComparison.Ordinal) =>
            (200, "{\"count\":" + documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ""","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
        (_, var p) when p.StartsWith("/t-articles/_pit", StringComparison.Ordinal) => (200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
        ("DELETE", "/_pit") => (200, """{"succeeded":true,"num_freed":1}"""),
        (_, var p) when p.StartsWith("/_search", StringComparison.Ordinal) => (200,
            """{"pit_id":"pit-1","took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":["""
            + (body.Contains("search_after", StringComparison.Ordinal) ? "" : string.Join(",", documents.Select((d, i) =>
                $$"""{"_index":"t-articles","_id":"{{d.Id}}","_score":null,"_source":{{JsonSerializer.Serialize(d, Snake)}},"sort":[{{i}}]}""")))
            + "]}}"),
        (_, var p) when p.StartsWith("/_bulk", StringComparison.Ordinal) => (200, Answers.Bulk(Lines(body)
            .Where(l => l["index"] is not null).Select(l => Answers.Indexed((string)l["index"]!["_index"]!, (string)l["index"]!["_id"]!, "updated", 200)).ToList())),
        (_, var p) when p.Contains("/_refresh", StringComparison.Ordinal) => (200, """{"_shards":{"total":2,"successful":1,"failed":0}}"""),
        _ => (200, """{"took":5,"timed_out":false,"total":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"failures":[],"_shards":{"total":2,"successful":2,"failed":0}}"""),
    };

    private static IEnumerable<JsonNode> Lines(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l)!);

    private static async Task<List<(string Article, string Theme)>> TagsAsync(DashboardSite site)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT article_id, theme_code FROM tags WHERE plan_id = 'w46' AND plan_version = 1";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(Ct))
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }
}
