using Microsoft.Extensions.DependencyInjection;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Quartz;

namespace Monitor.Host.Tests;

public sealed class CrawlSchedulingTests
{
    [Fact]
    public async Task Each_source_gets_one_non_concurrent_job_on_its_cron_in_vietnam_time_with_misfires_fired_once()
    {
        var sources = SourcesFile.Parse("""
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
        var services = new ServiceCollection().AddLogging();
        services.AddMonitorScheduler(sources);
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());
        Assert.Equal(["crawl:a", "crawl:b"], jobs.Select(j => j.Name).Order());
        var detail = await scheduler.GetJobDetail(new JobKey("crawl:b"));
        Assert.True(detail!.ConcurrentExecutionDisallowed);
        var cron = Assert.Single((await scheduler.GetTriggersOfJob(new JobKey("crawl:b"))).OfType<ICronTrigger>());
        Assert.Equal("0 15 6 * * ?", cron.CronExpressionString);
        Assert.Equal("Asia/Ho_Chi_Minh", cron.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, cron.MisfireInstruction);
        await scheduler.Shutdown();
    }
}
