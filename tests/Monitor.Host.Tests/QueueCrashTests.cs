using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Lab.Bench;
using Monitor.Lab.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
public sealed class QueueCrashTests
{
    private const int Count = 30_000;

    [Fact]
    public async Task A_worker_process_killed_mid_run_loses_nothing_and_duplicates_nothing()
    {
        using var dir = new TempDir();
        var ct = CancellationToken.None;
        var db = await MonitorDatabase.OpenAsync(dir.Path, ct);
        var plan = SamplePlan.Load();
        await new PlanStore(db, TimeProvider.System).SaveAsync(plan, ct);
        var generator = new ArticleGenerator(plan.Themes.SelectMany(t => t.Keywords).ToList());
        var start = new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7));
        var articles = Enumerable.Range(0, Count).Select(i => generator.Next(i, 1500, start.AddSeconds(i))).ToList();
        var queue = new SqliteQueue(db, TimeProvider.System);
        foreach (var chunk in articles.Chunk(5000))
        {
            await queue.EnqueueAsync(SqliteQueue.RawTopic, chunk.Select(a => new QueueMessage(a.Id, ArticleJson.Serialize(a))).ToList(), ct);
        }

        var reader = new ArticleReader(db);
        using (var worker = MonitorProcess.Start("work", "--data-dir", dir.Path))
        {
            Assert.True(await Eventually.TrueAsync(async () => await reader.CountAsync(ct) >= 3000, TimeSpan.FromMinutes(2)), "the worker stored nothing");
            worker.Kill();
        }

        // At the moment of the kill, every article is either stored or still queued, never both, never neither.
        var storedAtKill = await reader.CountAsync(ct);
        var queuedAtKill = await queue.CountAsync(SqliteQueue.RawTopic, ct);
        Assert.True(queuedAtKill > 0, "the worker finished before it was killed: the test proved nothing");
        Assert.Equal(Count, storedAtKill + queuedAtKill);

        var rerun = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(3), "work", "--data-dir", dir.Path, "--until-empty");
        Assert.Equal(0, rerun.ExitCode);

        Assert.Equal(Count, await reader.CountAsync(ct));
        Assert.Equal(0, await queue.CountAsync(SqliteQueue.RawTopic, ct));
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM article_changes), (SELECT COUNT(*) FROM tags), (SELECT MAX(version) FROM articles)";
        await using var row = await command.ExecuteReaderAsync(ct);
        await row.ReadAsync(ct);
        var matcher = new PlanMatcher(plan);
        Assert.Equal(0, row.GetInt64(0));
        // Passing mentions are stored apart (tag_mentions), only counted themes are tag rows.
        Assert.Equal(articles.Sum(a => matcher.Tag(a).Themes.Count(t => t.Counts)), row.GetInt64(1));
        Assert.Equal(1, row.GetInt64(2));
    }
}
