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

    [Fact]
    public async Task The_pages_retag_goes_through_the_elasticsearch_retagger_and_writes_the_tags_sqlite_gets()
    {
        List<ArticleDocument> documents = [];
        using var cluster = new ScriptedCluster(r => RetagCluster.Answer(documents, r));
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
        var written = requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).SelectMany(r => RetagCluster.Lines(r.Body))
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
