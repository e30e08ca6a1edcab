using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Monitor.Host.Scheduling.Maintenance;
using Monitor.Storage.Maintenance;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>Quartz in the host: every <see cref="ScheduledJob"/> as a durable job; unless <c>once</c>, its cron trigger in
/// Asia/Ho_Chi_Minh (and a start trigger when it asks for one) and the hosted scheduler that fires them.</summary>
internal static class SchedulerComposition
{
    /// <summary>Everything <see cref="ScheduledJobs"/> needs (the sources, retention, store upkeep) and the scheduler
    /// itself; settings are checked here, at start. Returns the jobs, for <see cref="OnceRunner"/>.</summary>
    public static IReadOnlyList<ScheduledJob> AddMonitorJobs(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<SourceDefinition> sources, bool once)
    {
        var jobs = ScheduledJobs.All(sources, configuration);
        services.AddSingleton(new SourceCatalog(sources));
        services.AddSingleton(RetentionJob.Options(configuration));
        services.AddSingleton<StoreRetention>();
        services.AddSingleton<IStoreMaintenance, SqliteMaintenance>();
        services.AddSummaryServices(configuration);
        services.AddMonitorScheduler(jobs, once);
        return jobs;
    }

    public static IServiceCollection AddMonitorScheduler(this IServiceCollection services, IReadOnlyList<ScheduledJob> jobs, bool once)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        services.AddQuartz(q =>
        {
            foreach (var job in jobs)
            {
                q.AddJob(job.JobType, j =>
                {
                    j.WithIdentity(job.Key).StoreDurably();
                    foreach (var (key, value) in job.Data ?? new Dictionary<string, string>())
                    {
                        j.UsingJobData(key, value);
                    }
                });
                if (once)
                {
                    continue;
                }

                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity($"cron:{job.Name}")
                    .WithCronSchedule(job.Cron, c => c.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(job.Misfire)));
                if (job.RunAtStart)
                {
                    q.AddTrigger(t => t.ForJob(job.Key).WithIdentity($"start:{job.Name}").StartNow());
                }
            }
        });
        if (!once)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
