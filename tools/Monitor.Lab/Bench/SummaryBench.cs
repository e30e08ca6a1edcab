using System.Diagnostics;
using Monitor.Core.Time;
using Monitor.Reports.Summary;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench summary: one weekly summary of the sample plan (build from the store, then md, html and docx)
/// on the generated store of <c>bench coverage</c> (1,000,000 articles by default), median of several runs.</summary>
public static class SummaryBench
{
    private const int Runs = 7;

    /// <param name="keepDir">Keeps (and reuses) the generated store there, the same store <c>bench coverage --data-dir</c> keeps.</param>
    public static async Task<int> RunAsync(int count, string? keepDir, CancellationToken ct)
    {
        var dir = keepDir ?? Path.Combine(Path.GetTempPath(), "monitor-bench-summary-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (db, plan) = await CoverageBenchData.OpenAsync(dir, count, ct);

            Console.WriteLine($"bench summary: {await new Monitor.Storage.Articles.ArticleReader(db).CountAsync(ct):N0} stored articles, plan of {plan.Plan.Themes.Count} themes");
            var builder = new SummaryBuilder(new SqliteCoverageStore(db, TimeProvider.System), new PlanArticles(db), TimeProvider.System);
            var week = IsoWeek.Parse("2024-W47");
            var worst = TimeSpan.Zero;
            foreach (var (name, work) in new (string, Func<Task<string>>)[]
            {
                ("build (every query)", async () => Describe((await builder.BuildAsync(plan.Id, week, ct))!)),
                ("build + md + html + docx", async () =>
                {
                    var s = (await builder.BuildAsync(plan.Id, week, ct))!;
                    using var docx = new MemoryStream();
                    Monitor.Reports.Rendering.DocxRenderer.Render(SummaryLayout.Layout(s), docx);
                    return $"{SummaryFormats.Text(s, "md").Length:N0} chars md, {SummaryFormats.Text(s, "html").Length:N0} html, {docx.Length:N0} bytes docx";
                }),
            })
            {
                var wall = new List<TimeSpan>();
                var cpu = new List<TimeSpan>();
                var answer = "";
                for (var run = 0; run < Runs; run++)
                {
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    answer = await work();
                    wall.Add(clock.Elapsed);
                    cpu.Add(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
                }

                wall.Sort();
                cpu.Sort();
                worst = wall[Runs / 2] > worst ? wall[Runs / 2] : worst;
                Console.WriteLine($"  {name,-26} median {wall[Runs / 2].TotalMilliseconds,7:N1} ms wall, {cpu[Runs / 2].TotalMilliseconds,7:N1} ms CPU  (wall min {wall[0].TotalMilliseconds:N1}, max {wall[^1].TotalMilliseconds:N1}; {answer})");
            }

            await StagesAsync(db, plan, week, ct);
            Console.WriteLine($"  one weekly summary, {week}: median {worst.TotalMilliseconds:N1} ms (target well under 2 s)");
            return worst < TimeSpan.FromSeconds(2) ? 0 : 1;
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

    /// <summary>Where a summary's time goes: each store read the builder makes, alone, in the builder's order (median of
    /// <see cref="Runs"/>).</summary>
    private static async Task StagesAsync(MonitorDatabase db, StoredPlan plan, IsoWeek week, CancellationToken ct)
    {
        var store = new SqliteCoverageStore(db, TimeProvider.System);
        var articles = new PlanArticles(db);
        var (monday, sunday) = (week.Monday, week.Sunday);
        var ids = (await articles.TaggedAsync(plan, monday, sunday, ct)).Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine("  stages, each alone (median wall / CPU):");
        foreach (var (name, stage) in new (string, Func<Task<int>>)[]
        {
            ("plan in force", async () => (await store.PlanInForceAsync(plan.Id, sunday, ct))!.Version),
            ("coverage, week and week before", async () => (await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, monday, sunday), ct)).Cells.Count
                + (await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, monday.AddDays(-7), sunday.AddDays(-7)), ct)).Cells.Count),
            ("tagged rows of the week", async () => (await articles.TaggedAsync(plan, monday, sunday, ct)).Count),
            ("near-duplicate links", async () => (await articles.LinksAsync(ids, ct)).Count),
            ("quotas", async () => (await store.QuotasAsync(plan, sunday, QuotaDetail.Counts, ct)).Count),
            ("source health", async () => (await store.HealthAsync(plan.Plan.Themes.SelectMany(t => t.Outlets).Distinct().ToList(), sunday, ct)).Count),
            ("week before, distinct count", async () => await articles.CountAsync(plan, monday.AddDays(-7), sunday.AddDays(-7), ct)),
            ("references cited", async () => (await articles.ReferencesAsync(plan, monday, sunday, ct)).Count),
        })
        {
            var (wall, cpu, size) = await TimeAsync(stage);
            Console.WriteLine($"    {name,-34} {wall.TotalMilliseconds,7:N1} ms / {cpu.TotalMilliseconds,7:N1} ms  (answer size {size:N0})");
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu, int Size)> TimeAsync(Func<Task<int>> work)
    {
        var wall = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        var size = 0;
        for (var run = 0; run < Runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            size = await work();
            wall.Add(clock.Elapsed);
            cpu.Add(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[Runs / 2], cpu[Runs / 2], size);
    }

    private static string Describe(WeeklySummary s) =>
        $"{s.Articles:N0} articles this week, {s.ArticlesPreviousWeek:N0} the week before, {s.ThemesCovered.Count}/{s.ThemesTotal} themes, {s.Stories.Count} stories, {s.QuotasBehind.Count} quotas behind";
}
