using System.Diagnostics;
using Monitor.Storage.Coverage;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench coverage: generated stored articles and tags in a fresh SQLite file, then the coverage,
/// quota, gap and event queries timed (median of several runs each).</summary>
public static class CoverageBench
{
    private const int Runs = 7;

    /// <param name="keepDir">Keeps the database there (and reuses it when it already holds articles); null = a fresh temporary one.</param>
    public static async Task<int> RunAsync(int count, string? keepDir, CancellationToken ct)
    {
        var dir = keepDir ?? Path.Combine(Path.GetTempPath(), "monitor-bench-coverage-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (db, plan) = await CoverageBenchData.OpenAsync(dir, count, ct);
            var clock = new Stopwatch();

            Console.WriteLine($"bench coverage: {await new Monitor.Storage.Articles.ArticleReader(db).CountAsync(ct):N0} stored articles, plan of {plan.Plan.Themes.Count} themes and {plan.Plan.Quotas.Count} quotas, file {new FileInfo(db.Path).Length / (1024 * 1024):N0} MiB");
            var store = new SqliteCoverageStore(db, TimeProvider.System);
            var asOf = new DateOnly(2024, 12, 15);
            var worst = TimeSpan.Zero;
            foreach (var (name, query) in new (string, Func<Task<int>>)[]
            {
                ("coverage by week", async () => (await store.CoverageAsync(plan, new CoverageQuery(), ct)).Cells.Count),
                ("coverage by month", async () => (await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Month), ct)).Cells.Count),
                ("coverage, whole window", async () => (await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Window), ct)).Cells.Count),
                ("coverage --from --to (1 week)", async () => (await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, new(2024, 11, 18), new(2024, 11, 24)), ct)).Cells.Count),
                ("quotas (counts, as the overview)", async () => (await store.QuotasAsync(plan, asOf, QuotaDetail.Counts, ct)).Sum(q => q.Delivered)),
                ("quotas (with counted ids)", async () => (await store.QuotasAsync(plan, asOf, QuotaDetail.Articles, ct)).Sum(q => q.ArticleIds!.Count)),
                ("gaps (with source health)", async () => (await store.GapsAsync(plan, asOf, ct)).Themes.Count),
                ("events (±3 days)", async () => (await store.EventsAsync(plan, 3, ct)).Sum(e => e.Articles)),
            })
            {
                var times = new List<TimeSpan>();
                var cpu = new List<TimeSpan>();
                var size = 0;
                for (var run = 0; run < Runs; run++)
                {
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    clock.Restart();
                    size = await query();
                    times.Add(clock.Elapsed);
                    cpu.Add(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
                }

                times.Sort();
                cpu.Sort();
                var median = times[Runs / 2];
                worst = median > worst && !name.StartsWith("events", StringComparison.Ordinal) ? median : worst;
                // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
                Console.WriteLine($"  {name,-30} median {median.TotalMilliseconds,7:N1} ms wall, {cpu[Runs / 2].TotalMilliseconds,7:N1} ms CPU  (wall min {times[0].TotalMilliseconds:N1}, max {times[^1].TotalMilliseconds:N1}; answer size {size:N0})");
            }

            Console.WriteLine($"  slowest coverage/quota/gap median: {worst.TotalMilliseconds:N1} ms (target < 300 ms)");
            return worst < TimeSpan.FromMilliseconds(300) ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keepDir is null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
