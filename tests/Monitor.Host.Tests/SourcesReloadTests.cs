using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Monitor.Host.Scheduling;
using Monitor.Host.Scheduling.Reload;
using Monitor.Reports.Tests.Support;
using Monitor.Tests.Shared;
using Quartz;

namespace Monitor.Host.Tests;

/// <summary>monitor run reloads its sources file: a real file in a temp folder, the real watcher and a real Quartz
/// scheduler (in standby, so no crawl fires); the settle timer runs on a clock the test moves.</summary>
public sealed class SourcesReloadTests
{
    private const string Every30 = "0 0/30 * * * ?";

    [Fact]
    public async Task A_source_added_in_a_file_replaced_by_rename_gets_the_same_job_and_triggers_as_at_start()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss")));

        await run.SaveAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("c", "0 10 5 * * ?", "https://c.vn/rss")), byRename: true);

        Assert.Equal(["crawl:a", "crawl:c"], await run.CrawlJobsAsync());
        var detail = await run.Scheduler.GetJobDetail(new JobKey("crawl:c"));
        Assert.True(detail!.ConcurrentExecutionDisallowed);
        Assert.True(detail.Durable);
        Assert.Equal("c", detail.JobDataMap.GetString(CrawlSourceJob.SourceKey));
        var triggers = await run.Scheduler.GetTriggersOfJob(new JobKey("crawl:c"));
        var cron = Assert.Single(triggers.OfType<ICronTrigger>());
        Assert.Equal(("0 10 5 * * ?", "Asia/Ho_Chi_Minh", CronTriggerMisfireInstruction.FireAndProceed, "cron:crawl:c"),
            (cron.CronExpressionString, cron.TimeZone.Id, cron.MisfireInstruction, cron.Key.Name));
        Assert.Contains(triggers, t => t.Key.Name == "start:crawl:c");
        Assert.Equal("https://c.vn/rss", Assert.Single(run.Catalog.Find("c")!.Feeds));
        Assert.Equal($"Đã nạp lại tệp nguồn tin {run.File}: thêm 1, bỏ 0, đổi lịch 0, đổi cấu hình 0", run.Log.Lines.Single(l => l.Level == LogLevel.Information).Message);
    }

    [Fact]
    public async Task A_removed_source_loses_its_job_and_triggers_and_the_others_keep_theirs()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", "0 15 6 * * ?", "https://b.vn/rss")));
        var kept = await run.Scheduler.GetTrigger(new TriggerKey("cron:crawl:a"));

        await run.SaveAsync(Yaml(("a", Every30, "https://a.vn/rss")));

        Assert.Equal(["crawl:a"], await run.CrawlJobsAsync());
        Assert.Empty(await run.Scheduler.GetTriggersOfJob(new JobKey("crawl:b")));
        Assert.Null(run.Catalog.Find("b"));
        // The untouched source's trigger is the same one: its next fire is not moved by the reload.
        Assert.Equal((kept!.StartTimeUtc, kept.NextFireTimeUtc), ((await run.Scheduler.GetTrigger(new TriggerKey("cron:crawl:a")))!.StartTimeUtc, (await run.Scheduler.GetTrigger(new TriggerKey("cron:crawl:a")))!.NextFireTimeUtc));
        Assert.Contains("thêm 0, bỏ 1, đổi lịch 0, đổi cấu hình 0", run.Log.Lines.Single(l => l.Level == LogLevel.Information).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_cron_replaces_the_trigger_and_changed_settings_reach_the_next_run_while_a_running_crawl_keeps_its_definition()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", "0 15 6 * * ?", "https://b.vn/rss"), ("d", Every30, "https://d.vn/rss")));
        // What a crawl that started before the reload holds.
        var running = run.Catalog.Find("b")!;

        await run.SaveAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", "0 45 7 * * ?", "https://b.vn/rss"), ("d", Every30, "https://d.vn/tin-moi.rss"), ("e", Every30, "https://e.vn/rss")));

        var cron = Assert.Single((await run.Scheduler.GetTriggersOfJob(new JobKey("crawl:b"))).OfType<ICronTrigger>());
        Assert.Equal(("0 45 7 * * ?", "Asia/Ho_Chi_Minh", CronTriggerMisfireInstruction.FireAndProceed), (cron.CronExpressionString, cron.TimeZone.Id, cron.MisfireInstruction));
        Assert.Equal("0 15 6 * * ?", running.Schedule);
        Assert.Equal("0 45 7 * * ?", run.Catalog.Find("b")!.Schedule);
        Assert.Equal("https://d.vn/tin-moi.rss", Assert.Single(run.Catalog.Find("d")!.Feeds));
        Assert.Equal(["crawl:a", "crawl:b", "crawl:d", "crawl:e"], await run.CrawlJobsAsync());
        Assert.Contains("thêm 1, bỏ 0, đổi lịch 1, đổi cấu hình 1", run.Log.Lines.Single(l => l.Level == LogLevel.Information).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_is_one_warning_naming_the_file_and_its_first_errors_and_the_old_schedule_keeps_running()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", "0 15 6 * * ?", "https://b.vn/rss")));
        var before = run.Catalog.All;

        await run.SaveAsync(Yaml(("a", "every day", "https://a.vn/rss"), ("c", Every30, "a.vn/rss")));

        var warning = Assert.Single(run.Log.Warnings);
        Assert.StartsWith($"Tệp nguồn tin {run.File} có lỗi, vẫn chạy theo lịch cũ: {run.File}:", warning, StringComparison.Ordinal);
        Assert.Contains("schedule 'every day' không phải biểu thức cron", warning, StringComparison.Ordinal);
        Assert.Contains("feed 'a.vn/rss' không phải địa chỉ http(s) đầy đủ", warning, StringComparison.Ordinal);
        Assert.Same(before, run.Catalog.All);
        Assert.Equal(["crawl:a", "crawl:b"], await run.CrawlJobsAsync());
        Assert.Equal(Every30, Assert.Single((await run.Scheduler.GetTriggersOfJob(new JobKey("crawl:a"))).OfType<ICronTrigger>()).CronExpressionString);
        Assert.DoesNotContain(run.Log.Lines, l => l.Level == LogLevel.Information);

        // Fixed again, it is read again.
        await run.SaveAsync(Yaml(("a", Every30, "https://a.vn/rss")));
        Assert.Equal(["crawl:a"], await run.CrawlJobsAsync());
    }

    [Fact]
    public async Task A_burst_of_writes_is_one_reload_once_the_file_has_been_quiet_for_the_settle_time()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss")));

        await run.WriteAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", Every30, "https://b.vn/rss")), byRename: false);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Reloader.Pending), TimeSpan.FromSeconds(30)));
        run.Clock.Advance(TimeSpan.FromMilliseconds(400));
        var seen = run.Reloader.Changes;
        for (var i = 0; i < 4; i++)
        {
            await run.WriteAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("b", Every30, "https://b.vn/rss"), ("c" + i, Every30, "https://c.vn/rss")), byRename: i % 2 == 0);
        }

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Reloader.Changes > seen), TimeSpan.FromSeconds(30)));
        // 800 ms after the first write, but the later writes restarted the settle time: nothing read yet.
        run.Clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(0, run.Reloader.Reloads);
        run.Clock.Advance(SourcesReloader.Settle);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Reloader.Reloads >= 1), TimeSpan.FromSeconds(30)));

        Assert.Equal(1, run.Reloader.Reloads);
        Assert.Equal(["crawl:a", "crawl:b", "crawl:c3"], await run.CrawlJobsAsync());
        Assert.Contains("thêm 2, bỏ 0", Assert.Single(run.Log.Lines, l => l.Level == LogLevel.Information).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_that_fails_while_applying_is_tried_again_after_a_while_and_applies_what_it_missed()
    {
        await using var run = await Run.StartAsync(Yaml(("a", Every30, "https://a.vn/rss")), failingApplies: 1);

        await run.SaveAsync(Yaml(("a", Every30, "https://a.vn/rss"), ("c", Every30, "https://c.vn/rss")));

        // The catalog already holds c, the scheduler does not: the failure is logged with when it is tried again (the
        // reload is counted as it ends, before its failure reaches the log: wait for the line).
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Log.Lines.Any(l => l.Level == LogLevel.Error)), TimeSpan.FromSeconds(30)));
        Assert.Equal(["crawl:a"], await run.CrawlJobsAsync());
        Assert.Equal($"Nạp lại tệp nguồn tin {run.File} lỗi, thử lại sau 00:00:30", Assert.Single(run.Log.Lines, l => l.Level == LogLevel.Error).Message);
        Assert.True(run.Reloader.Pending);
        run.Clock.Advance(SourcesReloader.FirstRetry - TimeSpan.FromSeconds(1));
        Assert.Equal(1, run.Reloader.Reloads);
        run.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Reloader.Reloads >= 2), TimeSpan.FromSeconds(30)));

        Assert.Equal(["crawl:a", "crawl:c"], await run.CrawlJobsAsync());
        Assert.Contains("thêm 1, bỏ 0", Assert.Single(run.Log.Lines, l => l.Level == LogLevel.Information).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sources_file_read_twice_is_no_change_and_an_edit_of_any_setting_is_one_updated_source()
    {
        var path = Path.Combine(RepositoryPaths.Root, "crawlers", "sources.yaml");
        var running = SourcesFile.Load(path);
        var edited = SourcesFile.Load(path);

        Assert.True(SourcesChange.Between(running, edited).IsEmpty);
        edited[0].Politeness = new PolitenessOverrides { MinDelaySeconds = (edited[0].Politeness?.MinDelaySeconds ?? 2) + 1 };
        edited[^1].Extraction = (edited[^1].Extraction ?? new Monitor.Crawlers.Extraction.ExtractionProfile()) with { Body = "article .noi-dung-moi" };
        edited[1].Listings.Add(new ListingDefinition { Url = "https://example.vn/moi.html" });
        var change = SourcesChange.Between(running, edited);
        Assert.Equal([edited[0].Name, edited[1].Name, edited[^1].Name], change.Updated);
        Assert.Equal("thêm 0, bỏ 0, đổi lịch 0, đổi cấu hình 3", change.Summary);
    }

    private static string Yaml(params (string Name, string Cron, string Feed)[] sources) =>
        "sources:\n" + string.Concat(sources.Select(s => $"  - name: {s.Name}\n    outlet: Báo {s.Name.ToUpperInvariant()}\n    feeds: [\"{s.Feed}\"]\n    schedule: \"{s.Cron}\"\n"));

    /// <summary>The scheduler factory, whose first requests for the scheduler fail as a scheduler in trouble does.</summary>
    private sealed class FailingSchedulers(ISchedulerFactory inner, int failures) : ISchedulerFactory
    {
        private int _left = failures;

        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => inner.GetAllSchedulers(cancellationToken);

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => inner.LookupScheduler(schedName, cancellationToken);

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) =>
            Interlocked.Decrement(ref _left) >= 0 ? throw new SchedulerException("the job store is not available") : inner.GetScheduler(cancellationToken);
    }

    /// <summary>The reloader and the scheduler as <c>monitor run</c> composes them, on a sources file in a temp folder.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly TempDir _dir;
        private readonly ServiceProvider _provider;
        private int _writes;

        private Run(TempDir dir, string file, ServiceProvider provider, IScheduler scheduler, ManualTimers clock, ListLogger<SourcesReloader> log)
        {
            (_dir, File, _provider, Scheduler, Clock, Log) = (dir, file, provider, scheduler, clock, log);
            Reloader = provider.GetRequiredService<SourcesReloader>();
            Catalog = provider.GetRequiredService<SourceCatalog>();
        }

        public string File { get; }
        public IScheduler Scheduler { get; }
        public ManualTimers Clock { get; }
        public ListLogger<SourcesReloader> Log { get; }
        public SourcesReloader Reloader { get; }
        public SourceCatalog Catalog { get; }

        /// <param name="failingApplies">How many of the reloader's first requests for the scheduler fail (a scheduler error while applying).</param>
        public static async Task<Run> StartAsync(string yaml, int failingApplies = 0)
        {
            var dir = new TempDir();
            var file = Path.Combine(dir.Path, "sources.yaml");
            await System.IO.File.WriteAllTextAsync(file, yaml);
            var clock = new ManualTimers(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
            var log = new ListLogger<SourcesReloader>();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ILogger<SourcesReloader>>(log);
            services.AddMonitorJobs(new ConfigurationBuilder().Build(), SourcesFile.Load(file), once: false, file);
            if (failingApplies > 0)
            {
                services.AddSingleton(sp => new SourcesReloader(sp.GetRequiredService<SourcesReloadOptions>(), sp.GetRequiredService<SourceCatalog>(),
                    new FailingSchedulers(sp.GetRequiredService<ISchedulerFactory>(), failingApplies), clock, log));
            }

            var provider = services.BuildServiceProvider();
            var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var run = new Run(dir, file, provider, scheduler, clock, log);
            await run.Reloader.StartAsync(CancellationToken.None);
            return run;
        }

        /// <summary>Writes the file, waits until the watcher saw it, lets the settle time pass and waits for the reload.</summary>
        public async Task SaveAsync(string yaml, bool byRename = false)
        {
            var before = Reloader.Reloads;
            await WriteAsync(yaml, byRename);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Reloader.Pending), TimeSpan.FromSeconds(30)));
            Clock.Advance(SourcesReloader.Settle);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Reloader.Reloads > before), TimeSpan.FromSeconds(30)));
        }

        /// <summary>Writes in place, or as editors do: a new file in the same folder renamed over the old one.</summary>
        public async Task WriteAsync(string yaml, bool byRename)
        {
            if (!byRename)
            {
                await System.IO.File.WriteAllTextAsync(File, yaml);
                return;
            }

            var temp = Path.Combine(_dir.Path, $".sources.yaml.{++_writes}.tmp");
            await System.IO.File.WriteAllTextAsync(temp, yaml);
            System.IO.File.Move(temp, File, overwrite: true);
        }

        public async Task<List<string>> CrawlJobsAsync() =>
            [.. (await Scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Select(k => k.Name).Where(n => n.StartsWith("crawl:", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

        public async ValueTask DisposeAsync()
        {
            await Reloader.StopAsync(CancellationToken.None);
            await Scheduler.Shutdown();
            await _provider.DisposeAsync();
            _dir.Dispose();
        }
    }
}
