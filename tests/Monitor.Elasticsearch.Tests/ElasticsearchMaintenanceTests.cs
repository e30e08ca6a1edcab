using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Maintenance;

namespace Monitor.Elasticsearch.Tests;

/// <summary>The store's upkeep in the scheduler's maintenance:store job: registered beside SQLite's when the URL is set,
/// it ensures both indices and refreshes them.</summary>
public sealed class ElasticsearchMaintenanceTests
{
    [Fact]
    public async Task Upkeep_ensures_both_indices_then_refreshes_them()
    {
        var cluster = new ScriptedCluster(r => (r.Method, r.Path) switch
        {
            ("HEAD", _) => (200, ""),
            ("PUT", _) => (200, """{"acknowledged":true}"""),
            _ => (200, """{"_shards":{"total":4,"successful":2,"failed":0}}"""),
        });

        await new ElasticsearchMaintenance(new ElasticsearchIndices(cluster.Connect())).RunAsync(CancellationToken.None);

        // The client escapes the comma of an index list (%2C); Elasticsearch decodes the path before splitting it.
        Assert.Equal(["HEAD /t-articles", "PUT /t-articles/_mapping", "HEAD /t-tags", "PUT /t-tags/_mapping", "POST /t-articles%2Ct-tags/_refresh"],
            cluster.Requests.Select(r => r.Method + " " + r.Path.Split('?')[0]));
    }

    [Fact]
    public void With_the_url_set_the_store_upkeep_joins_the_sqlite_one()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStoreMaintenance, NoUpkeep>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Monitor:Elasticsearch:Url"] = "http://127.0.0.1:9200" }).Build();

        services.AddMonitorElasticsearch(configuration);
        services.AddMonitorElasticsearch(configuration);

        Assert.Equal([typeof(NoUpkeep), typeof(ElasticsearchMaintenance)],
            services.Where(s => s.ServiceType == typeof(IStoreMaintenance)).Select(s => s.ImplementationType));
    }

    private sealed class NoUpkeep : IStoreMaintenance
    {
        public string Name => "none";

        public Task RunAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
