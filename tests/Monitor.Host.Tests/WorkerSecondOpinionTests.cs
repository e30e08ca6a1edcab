using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Host.Pipeline;
using Monitor.Host.Tagging.SecondOpinion;
using Monitor.Host.Tests.Support;
using Monitor.Reports.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The second opinion in the embedded worker: the borderline pairs of a batch are asked about before the
/// queue's transaction opens (the endpoint checks that the store takes a write while it answers), within
/// <c>Monitor:Llm:SecondOpinion:Budget</c> questions per Vietnamese day (one budget for every tagger over the store), and
/// not at all when the budget is unset;
/// against an OpenAI-compatible endpoint served on 127.0.0.1 and a real SQLite store.</summary>
public sealed class WorkerSecondOpinionTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDir _dir = new();
    private readonly ManualTimers _clock = new(new DateTimeOffset(2024, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<LlmSecondOpinion> _log = new();
    private int _next;

    private async Task<ServiceProvider> StartAsync(string? endpoint, int? budget, bool shortBusyTimeout = true)
    {
        var db = await MonitorDatabase.OpenAsync(_dir.Path, Ct, shortBusyTimeout ? TimeSpan.FromMilliseconds(100) : null);
        var settings = new Dictionary<string, string?> { ["Monitor:Llm:Endpoint"] = endpoint, ["Monitor:Llm:Model"] = endpoint is null ? null : "test-model" };
        if (budget is { } b)
        {
            settings["Monitor:Llm:SecondOpinion:Budget"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddMonitorStore(db);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.AddSingleton<ILogger<LlmSecondOpinion>>(_log);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PlanStore>().SaveAsync(BorderlinePairs.Plan, Ct);
        return provider;
    }

    private async Task<(long Tags, long Mentions)> DrainAsync(ServiceProvider services, int articles)
    {
        var batch = Enumerable.Range(0, articles).Select(_ => BorderlinePairs.Road(++_next)).Select(a => new QueueMessage(a.Id, ArticleJson.Serialize(a))).ToList();
        await services.GetRequiredService<SqliteQueue>().EnqueueAsync(SqliteQueue.RawTopic, batch, Ct);
        Assert.Equal(articles, await services.GetRequiredService<PipelineWorker>().DrainAsync(Ct));
        await using var connection = await services.GetRequiredService<MonitorDatabase>().ConnectAsync(Ct);
        return (await connection.ScalarAsync<long>("SELECT count(*) FROM tags", Ct), await connection.ScalarAsync<long>("SELECT count(*) FROM tag_mentions", Ct));
    }

    /// <summary>Answers "Không" after checking that nobody holds the store's write lock (a write with no wait succeeds).</summary>
    private Func<Microsoft.AspNetCore.Http.HttpContext, Task> NoWhileTheStoreIsFree(List<bool> free) => async ctx =>
    {
        await using var probe = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, MonitorDatabase.FileName)};Pooling=False;Default Timeout=0");
        await probe.OpenAsync();
        await using var command = probe.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;";
        try
        {
            await command.ExecuteNonQueryAsync();
            lock (free)
            {
                free.Add(true);
            }
        }
        catch (SqliteException)
        {
            lock (free)
            {
                free.Add(false);
            }
        }

        await ChatEndpoint.Says("Không")(ctx);
    };

    [Fact]
    public async Task The_worker_asks_about_borderline_pairs_outside_its_transaction_within_a_daily_budget()
    {
        var free = new List<bool>();
        await using var endpoint = await ChatEndpoint.StartAsync(NoWhileTheStoreIsFree(free));
        await using var services = await StartAsync(endpoint.Url, budget: 2);
        var stage = services.GetRequiredService<WorkerSecondOpinion>();

        // Two questions: two pairs become mentions, the third keeps the rules' grade (partial, counted); one warning.
        Assert.Equal((1L, 2L), await DrainAsync(services, articles: 3));
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal([true, true], free);
        Assert.Equal(2, await stage.AskedTodayAsync(Ct));
        Assert.Single(_log.Warnings);

        // The same day: the budget is spent, nothing more is asked and nothing more is said.
        Assert.Equal((3L, 2L), await DrainAsync(services, articles: 2));
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Single(_log.Warnings);

        // The next Vietnamese day has a budget again.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((3L, 3L), await DrainAsync(services, articles: 1));
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Equal(1, await stage.AskedTodayAsync(Ct));
    }

    [Fact]
    public async Task Two_taggers_over_one_store_send_one_daily_budget_between_them_not_one_each()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        // Two tagger processes' compositions over one data directory (two openings of the database, as two Kafka taggers).
        await using var first = await StartAsync(endpoint.Url, budget: 5, shortBusyTimeout: false);
        await using var second = await StartAsync(endpoint.Url, budget: 5, shortBusyTimeout: false);
        var taggers = new[] { first.GetRequiredService<TagAndStoreHandler>(), second.GetRequiredService<TagAndStoreHandler>() };

        // Twelve borderline pairs in four batches, two at a time on each tagger (the Kafka tagger's path: tag, then review).
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(b => Task.Run(() =>
            taggers[b % 2].TagAndReviewAsync(Enumerable.Range(1 + (3 * b), 3).Select(BorderlinePairs.Road).ToList(), Ct))));

        Assert.Equal(5, endpoint.Requests.Count);
        Assert.Equal(5, batches.SelectMany(b => b.Results).SelectMany(r => r).SelectMany(r => r.Themes).Count(t => t.Grade == Monitor.Core.Tagging.ThemeGrade.Mention));
        Assert.Equal((5, 5), (await first.GetRequiredService<WorkerSecondOpinion>().AskedTodayAsync(Ct), await second.GetRequiredService<WorkerSecondOpinion>().AskedTodayAsync(Ct)));
    }

    [Fact]
    public async Task A_failing_endpoint_keeps_the_rules_grades_and_is_not_asked_again_until_the_pause_is_over()
    {
        var failing = true;
        await using var endpoint = await ChatEndpoint.StartAsync(ctx =>
        {
            if (failing)
            {
                // 400, not 500: the client retries a server error by itself.
                ctx.Response.StatusCode = 400;
                return Task.CompletedTask;
            }

            return ChatEndpoint.Says("Không")(ctx);
        });
        await using var services = await StartAsync(endpoint.Url, budget: 10);

        Assert.Equal((2L, 0L), await DrainAsync(services, articles: 2));
        Assert.Single(endpoint.Requests);
        Assert.Equal((3L, 0L), await DrainAsync(services, articles: 1));
        Assert.Single(endpoint.Requests);

        failing = false;
        _clock.Advance(WorkerSecondOpinion.PauseAfterFailure);
        Assert.Equal((3L, 1L), await DrainAsync(services, articles: 1));
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Without_a_budget_the_worker_asks_nothing_and_a_budget_without_an_endpoint_stops_it_in_one_line()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        await using (var off = await StartAsync(endpoint.Url, budget: null))
        {
            Assert.False(off.GetRequiredService<WorkerSecondOpinion>().Enabled);
            Assert.Equal((2L, 0L), await DrainAsync(off, articles: 2));
            Assert.Empty(endpoint.Requests);
        }

        SqliteConnection.ClearAllPools();
        await using var unset = await StartAsync(null, budget: 5);
        var error = Assert.Throws<UserInputException>(() => unset.GetRequiredService<PipelineWorker>());
        Assert.Contains("Monitor:Llm:SecondOpinion:Budget", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
