using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Articles;
using Monitor.Lab.SampleSite;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench pipeline: generated 3 KB articles through the embedded queue → tag → store, composed as the
/// executable composes <c>monitor work</c> (<see cref="ExecutableComposition"/>).</summary>
public static class PipelineBench
{
    public static async Task<int> RunAsync(ExecutableComposition executable, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(executable);
        var dir = Path.Combine(Path.GetTempPath(), "monitor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var builder = await executable.CreateBuilder(dir, ct);
            using var host = builder.Build();
            var services = host.Services;
            var plan = SamplePlan.Load();
            await services.GetRequiredService<PlanStore>().SaveAsync(plan, ct);
            var generator = new ArticleGenerator(plan.Themes.SelectMany(t => t.Keywords).ToList());
            var start = new DateTimeOffset(2024, 11, 11, 8, 0, 0, TimeSpan.FromHours(7));
            var articles = Enumerable.Range(0, count).Select(i => generator.Next(i, 3000, start.AddMinutes(i))).ToList();

            var queue = services.GetRequiredService<SqliteQueue>();
            var clock = Stopwatch.StartNew();
            foreach (var chunk in articles.Chunk(1000))
            {
                await queue.EnqueueAsync(SqliteQueue.RawTopic, chunk.Select(a => new QueueMessage(a.Id, ArticleJson.Serialize(a))).ToList(), ct);
            }

            var enqueue = clock.Elapsed;
            clock.Restart();
            var handled = await executable.DrainQueue(services, ct);
            var process = clock.Elapsed;
            var stored = await services.GetRequiredService<ArticleReader>().CountAsync(ct);
            Console.WriteLine($"bench pipeline: {count} generated articles of 3 KB, plan of {plan.Themes.Count} themes");
            Console.WriteLine($"  enqueue:                {count / enqueue.TotalSeconds,10:N0} articles/s ({enqueue.TotalSeconds:N2} s)");
            Console.WriteLine($"  queue → tag → store:    {handled / process.TotalSeconds,10:N0} articles/s ({process.TotalSeconds:N2} s, {stored} stored)");
            Console.WriteLine($"  peak working set:       {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),10:N0} MiB");
            return stored == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
