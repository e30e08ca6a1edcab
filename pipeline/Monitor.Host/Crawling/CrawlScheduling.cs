using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Crawlers.Sources;
using Quartz;

namespace Monitor.Host.Crawling;

/// <summary>Quartz setup: a job per source on its cron schedule (Asia/Ho_Chi_Minh), first run at start.</summary>
internal static class CrawlScheduling
{
    public static IServiceCollection AddMonitorScheduler(this IServiceCollection services, IReadOnlyList<SourceDefinition> sources)
    {
        services.AddQuartz(q =>
        {
            foreach (var source in sources)
            {
                var job = new JobKey($"crawl:{source.Name}");
                q.AddJob<CrawlSourceJob>(j => j.WithIdentity(job).UsingJobData(CrawlSourceJob.SourceKey, source.Name));
                q.AddTrigger(t => t.ForJob(job).WithIdentity($"now:{source.Name}").StartNow());
                q.AddTrigger(t => t.ForJob(job).WithIdentity($"cron:{source.Name}")
                    .WithCronSchedule(source.Schedule, c => c.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
