using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Articles;
using Monitor.Core.Bus;
using Monitor.Host.Composition;
using Monitor.Host.Pipeline;
using Monitor.Lab.Bench;
using Monitor.Lab.SampleSite;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The bad-message policy on the embedded bus (the queue worker), on a real SQLite store: a message that fails
/// by itself is dead-lettered and its batch stored, a message that is not an article goes aside at once, and a store
/// that cannot take writes makes the worker pause, not dead-letter.</summary>
public sealed class BadMessageTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_message_the_store_refuses_on_its_own_is_tried_three_times_then_dead_lettered_and_the_rest_of_its_batch_is_stored()
    {
        using var dir = new TempDir();
        var (services, articles) = await StartAsync(dir.Path, count: 10);
        var refused = articles[4].Id;
        await ExecuteAsync(services.GetRequiredService<MonitorDatabase>(),
            $"CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused by the store'); END");

        var handled = await services.GetRequiredService<PipelineWorker>().DrainAsync(Ct);

        Assert.Equal(10, handled);
        Assert.Equal(9, await services.GetRequiredService<ArticleReader>().CountAsync(Ct));
        var (key, error) = Assert.Single(await DeadLettersAsync(services));
        Assert.Equal(refused, key);
        Assert.Contains("refused by the store", error, StringComparison.Ordinal);
        Assert.EndsWith("(tries: 3)", error, StringComparison.Ordinal);
        Assert.Equal(0, await services.GetRequiredService<SqliteQueue>().CountAsync(SqliteQueue.RawTopic, Ct));
    }

    [Fact]
    public async Task A_message_that_is_not_an_article_is_dead_lettered_at_once_beside_a_stored_batch()
    {
        using var dir = new TempDir();
        var (services, _) = await StartAsync(dir.Path, count: 5);
        await services.GetRequiredService<SqliteQueue>().EnqueueAsync(SqliteQueue.RawTopic, [new QueueMessage("poison", "{\"id\": 42, ")], Ct);

        await services.GetRequiredService<PipelineWorker>().DrainAsync(Ct);

        Assert.Equal(5, await services.GetRequiredService<ArticleReader>().CountAsync(Ct));
        Assert.Equal("poison", Assert.Single(await DeadLettersAsync(services)).Key);
    }

    [Fact]
    public async Task While_another_writer_holds_the_store_the_worker_pauses_with_back_off_dead_letters_nothing_and_then_stores_everything()
    {
        using var dir = new TempDir();
        var (services, _) = await StartAsync(dir.Path, count: 20, busyTimeout: TimeSpan.FromMilliseconds(100));
        var worker = services.GetRequiredService<PipelineWorker>();
        await using var holder = new SqliteConnection($"Data Source={services.GetRequiredService<MonitorDatabase>().Path};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var draining = worker.DrainAsync(Ct);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(worker.Pauses >= 3), TimeSpan.FromSeconds(60)), $"{worker.Pauses} pauses");
        Assert.Empty(await DeadLettersAsync(services));
        Assert.False(draining.IsCompleted);
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(20, await draining.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(20, await services.GetRequiredService<ArticleReader>().CountAsync(Ct));
        Assert.Empty(await DeadLettersAsync(services));
    }

    [Fact]
    public void The_store_counts_as_unavailable_when_sqlite_is_busy_locked_full_or_failing_and_not_when_a_row_is_refused()
    {
        var policy = new BadMessagePolicy(SqliteFailures.IsUnavailable);

        Assert.All(new[] { 5, 6, 10, 13, 5 | (2 << 8) }, code => Assert.Equal(FailureAction.Pause, policy.OnMessage(new SqliteException("x", code), 1, 3)));
        Assert.Equal(FailureAction.Pause, policy.OnBatch(new InvalidOperationException("wrapped", new StoreUnavailableException("cluster down"))));
        Assert.Equal(FailureAction.Retry, policy.OnMessage(new SqliteException("constraint", 19), 1, 3));
        Assert.Equal(FailureAction.DeadLetter, policy.OnMessage(new SqliteException("constraint", 19), 3, 3));
        Assert.Equal(FailureAction.DeadLetter, policy.OnMessage(new FormatException("not an article"), 1, 3));
        Assert.Equal(TimeSpan.FromMinutes(1), policy.Pause(30));
    }

    private static async Task<(ServiceProvider Services, List<Article> Articles)> StartAsync(string dir, int count, TimeSpan? busyTimeout = null)
    {
        var db = await MonitorDatabase.OpenAsync(dir, Ct, busyTimeout);
        var services = new ServiceCollection().AddLogging();
        services.AddMonitorStore(db);
        // Short pauses keep the test quick; the policy is the one composition registers.
        services.Replace(ServiceDescriptor.Singleton(new BadMessagePolicy(SqliteFailures.IsUnavailable, TimeSpan.FromMilliseconds(50))));
        var provider = services.BuildServiceProvider();
        var plan = SamplePlan.Load();
        await provider.GetRequiredService<PlanStore>().SaveAsync(plan, Ct);
        var generator = new ArticleGenerator(plan.Themes.SelectMany(t => t.Keywords).ToList());
        var start = new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7));
        var articles = Enumerable.Range(0, count).Select(i => generator.Next(i, 800, start.AddMinutes(i))).ToList();
        await provider.GetRequiredService<SqliteQueue>().EnqueueAsync(SqliteQueue.RawTopic, articles.Select(a => new QueueMessage(a.Id, ArticleJson.Serialize(a))).ToList(), Ct);
        return (provider, articles);
    }

    private static async Task ExecuteAsync(MonitorDatabase db, string sql)
    {
        await using var connection = await db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Key, string Error)>> DeadLettersAsync(IServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<MonitorDatabase>().ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, error FROM deadletter ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }
}
