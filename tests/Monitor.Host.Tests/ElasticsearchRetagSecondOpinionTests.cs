using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Monitor.Elasticsearch;
using Monitor.Elasticsearch.Documents;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Host.Composition;
using Monitor.Host.Tests.Support;
using Monitor.Reports.Tests.Support;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The second opinion in the scaled mode's re-tag: composed as <c>monitor retag</c> and <c>monitor serve</c>
/// compose it with <c>Monitor:Elasticsearch:Url</c> set, the Elasticsearch re-tagger asks the run's review about the
/// borderline pairs of the articles the index holds, within the same budget and cache as SQLite's re-tag. Against the
/// Elasticsearch tests' in-memory cluster (answers in the REST specification's shapes) and an OpenAI-compatible endpoint
/// on 127.0.0.1; the plans and the answers' cache in a real SQLite store.</summary>
public sealed class ElasticsearchRetagSecondOpinionTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDir _dir = new();

    [Fact]
    public async Task The_elasticsearch_retag_asks_about_borderline_pairs_within_the_runs_budget_and_reads_earlier_answers_from_the_cache()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        var (host, cluster, plan) = await ScaledAsync(endpoint.Url, budget: 2, articles: 3);
        using var owned = host;
        using var scripted = cluster;
        Assert.Equal(["SQLite", "Elasticsearch"], host.Services.GetServices<IStoreRetagger>().Select(r => r.Store));

        // Two questions in the run: two pairs become passing mentions, the third keeps the rules' grade (a counted tag).
        var first = await RetagAsync(host, plan, cluster, 0);
        Assert.Equal((1, 2), (first.Tags, first.Mentions));
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal(new RetagReviewCount(2, 0, 2, 2, true, false), first.Count);

        // The next run reads the two answers from the cache (the same one SQLite's re-tag and the taggers use) and asks once.
        var second = await RetagAsync(host, plan, cluster, cluster.Requests.Count);
        Assert.Equal((0, 3), (second.Tags, second.Mentions));
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Equal(new RetagReviewCount(3, 2, 1, 2, false, false), second.Count);
    }

    [Fact]
    public async Task Without_a_budget_the_elasticsearch_retag_asks_nothing_and_keeps_the_rules_grades()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        var (host, cluster, plan) = await ScaledAsync(endpoint.Url, budget: 0, articles: 2);
        using var owned = host;
        using var scripted = cluster;

        var run = await RetagAsync(host, plan, cluster, 0);

        Assert.Equal((2, 0), (run.Tags, run.Mentions));
        Assert.Null(run.Count);
        Assert.Empty(endpoint.Requests);
    }

    /// <summary>The scaled re-tag's composition with <paramref name="articles"/> borderline articles in the in-memory
    /// cluster's index only (the scaled-out taggers wrote them there; SQLite has none), and the plan stored.</summary>
    private async Task<(IHost Host, ScriptedCluster Cluster, StoredPlan Plan)> ScaledAsync(string endpoint, int budget, int articles)
    {
        var documents = Enumerable.Range(1, articles).Select(i => ArticleDocument.Of(BorderlinePairs.Road(i))).ToList();
        var cluster = new ScriptedCluster(r => RetagCluster.Answer(documents, r));
        var builder = await MonitorServices.CreateBuilderAsync(_dir.Path, Ct);
        builder.Configuration["Monitor:Llm:Endpoint"] = endpoint;
        builder.Configuration["Monitor:Llm:Model"] = "test-model";
        builder.Configuration["Monitor:Llm:SecondOpinion:Budget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Monitor:Elasticsearch:Url"] = "http://127.0.0.1:9200";
        builder.Configuration["Monitor:Elasticsearch:IndexPrefix"] = "t-";
        // The product's composition from the settings; only the connection's transport is the in-memory cluster.
        builder.Services.AddMonitorElasticsearch(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(cluster.Connect(new ElasticsearchOptions { Url = "http://127.0.0.1:9200", IndexPrefix = "t-" })));
        var host = builder.Build();
        return (host, cluster, await host.Services.GetRequiredService<PlanStore>().SaveAsync(BorderlinePairs.Plan, Ct));
    }

    /// <summary>One re-tag as <c>monitor retag</c> runs it (one review, every store), and what its bulk requests wrote:
    /// the tag documents of the plan and the passing mentions on the article documents.</summary>
    private static async Task<(int Tags, int Mentions, RetagReviewCount? Count)> RetagAsync(IHost host, StoredPlan plan, ScriptedCluster cluster, int since)
    {
        using var review = await host.Services.GetRequiredService<IRetagReviewer>().StartAsync(plan, Ct);
        foreach (var retagger in host.Services.GetServices<IStoreRetagger>())
        {
            await retagger.RetagAsync(plan, review, null, Ct);
        }

        var written = cluster.Requests.Skip(since).Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).SelectMany(r => RetagCluster.Lines(r.Body)).ToList();
        var tags = written.Count(d => d["theme_code"] is not null && d["article_id"] is not null);
        var mentions = written.Where(d => d["mentions"] is JsonArray).Sum(d => d["mentions"]!.AsArray().Count(m => (string?)m!["plan_id"] == plan.Id));
        return (tags, mentions, review?.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
