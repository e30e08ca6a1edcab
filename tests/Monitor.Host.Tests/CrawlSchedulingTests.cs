using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.Time;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Host.Scheduling;
using Monitor.Storage;
using Monitor.Tests.Shared;
using Quartz;

namespace Monitor.Host.Tests;

/// <summary>The scheduler's registration (the one <c>monitor run</c> and <c>monitor demo</c> share): a job per source on
/// its own cron in Vietnam time, maintenance jobs, settings checked at start, never two runs of one source at once.</summary>
public sealed class CrawlSchedulingTests
{
    private static readonly IReadOnlyList<SourceDefinition> Sources = SourcesFile.Parse("""
        sources:
          - name: a
            outlet: Báo A
            feeds: [https://a.vn/rss]
            schedule: "0 0/30 * * * ?"
          - name: b
            outlet: Đài B
            feeds: [https://b.vn/rss]
            schedule: "0 15 6 * * ?"
        """, "sources.yaml");

    [Fact]
    public async Task Each_source_gets_one_non_concurrent_job_on_its_cron_in_vietnam_time_with_misfires_fired_once()
    {
        await using var provider = Build(new Dictionary<string, string?>(), out var listed);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // Exactly the jobs ScheduledJobs lists (crawls, maintenance, and what other features add there).
        var jobs = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Select(j => j.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(listed.Select(j => j.Name).Order(StringComparer.Ordinal), jobs);
        Assert.Equal(["crawl:a", "crawl:b"], jobs.Where(j => j.StartsWith("crawl:", StringComparison.Ordinal)));
        Assert.Contains("maintenance:retention", jobs);
        Assert.Contains("maintenance:store", jobs);
        var detail = await scheduler.GetJobDetail(new JobKey("crawl:b"));
        Assert.True(detail!.ConcurrentExecutionDisallowed);
        var triggers = await scheduler.GetTriggersOfJob(new JobKey("crawl:b"));
        var cron = Assert.Single(triggers.OfType<ICronTrigger>());
        Assert.Equal("0 15 6 * * ?", cron.CronExpressionString);
        Assert.Equal("Asia/Ho_Chi_Minh", cron.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, cron.MisfireInstruction);
        // 06:15 in Hanoi is 23:15 UTC the day before.
        var next = cron.GetFireTimeAfter(cron.StartTimeUtc)!.Value;
        Assert.Equal((new TimeSpan(6, 15, 0), new TimeSpan(23, 15, 0)), (VietnamTime.ToLocal(next).TimeOfDay, next.UtcDateTime.TimeOfDay));
        Assert.Contains(triggers, t => t.Key.Name == "start:crawl:b");
        await scheduler.Shutdown();
    }

    [Fact]
    public async Task Maintenance_runs_nightly_in_vietnam_time_skips_a_missed_night_and_takes_its_cron_from_configuration()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Monitor:Maintenance:StoreCron"] = "0 0 4 ? * SUN" }, out _);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var retention = Assert.Single((await scheduler.GetTriggersOfJob(new JobKey("maintenance:retention"))).OfType<ICronTrigger>());
        var store = Assert.Single(await scheduler.GetTriggersOfJob(new JobKey("maintenance:store")));
        Assert.Equal(("0 30 2 * * ?", CronTriggerMisfireInstruction.DoNothing, "Asia/Ho_Chi_Minh"), (retention.CronExpressionString, retention.MisfireInstruction, retention.TimeZone.Id));
        Assert.Equal("0 0 4 ? * SUN", ((ICronTrigger)store).CronExpressionString);
        Assert.True((await scheduler.GetJobDetail(new JobKey("maintenance:store")))!.ConcurrentExecutionDisallowed);
        await scheduler.Shutdown();
    }

    [Fact]
    public void A_wrong_cron_setting_stops_the_start_with_one_line_naming_the_setting()
    {
        var e = Assert.Throws<UserInputException>(() => Build(new Dictionary<string, string?> { ["Monitor:Maintenance:RetentionCron"] = "every night" }, out _));

        Assert.Equal("cấu hình Monitor:Maintenance:RetentionCron = 'every night': không phải biểu thức cron Quartz (ví dụ \"0 0 7 ? * MON\")", e.Message);
    }

    [Fact]
    public async Task A_second_fire_of_a_source_still_crawling_waits_blocked_until_the_first_run_ends()
    {
        using var dir = new TempDir();
        var inFlight = 0;
        var maxInFlight = 0;
        var feeds = 0;
        var release = new SemaphoreSlim(0);
        await using var app = await StartFeedAsync(async context =>
        {
            Interlocked.Increment(ref feeds);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await release.WaitAsync(TimeSpan.FromMinutes(1));
            Interlocked.Decrement(ref inFlight);
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        });
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var sources = SourcesFile.Parse($"sources:\n  - name: s\n    outlet: Báo S\n    feeds: [\"{url}/rss\"]\n", "sources.yaml");
        var services = new ServiceCollection().AddLogging();
        services.AddMonitorStore(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        services.AddMonitorCrawler(new FetchOptions { MinDelayPerHost = TimeSpan.Zero, AllowPrivateNetworks = true, ObeyRobots = false });
        var jobs = services.AddMonitorJobs(new ConfigurationBuilder().Build(), sources, once: true);
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        var key = new JobKey("crawl:s");

        await scheduler.TriggerJob(key);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref feeds) == 1), TimeSpan.FromSeconds(30)));
        await scheduler.TriggerJob(key);
        // Quartz holds the second fire back while the first runs (DisallowConcurrentExecution): its trigger is blocked.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            foreach (var trigger in await scheduler.GetTriggersOfJob(key))
            {
                if (await scheduler.GetTriggerState(trigger.Key) == TriggerState.Blocked)
                {
                    return true;
                }
            }

            return false;
        }, TimeSpan.FromSeconds(30)));
        release.Release();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref feeds) == 2), TimeSpan.FromSeconds(30)));
        release.Release();
        await scheduler.Shutdown(waitForJobsToComplete: true);

        Assert.Equal(1, maxInFlight);
        Assert.Contains(jobs, j => j.Key.Equals(key));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, out IReadOnlyList<ScheduledJob> jobs)
    {
        var services = new ServiceCollection().AddLogging();
        jobs = services.AddMonitorJobs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Sources, once: false);
        return services.BuildServiceProvider();
    }

    private static async Task<WebApplication> StartFeedAsync(RequestDelegate feed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/rss", feed);
        await app.StartAsync();
        return app;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
