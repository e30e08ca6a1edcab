using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Monitor.Host.Scheduling.Maintenance;
using Monitor.Host.Scheduling.Reload;
using Monitor.Storage.Maintenance;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>Quartz in the host: every <see cref="ScheduledJob"/> as a durable job; unless <c>once</c>, its cron trigger in
/// Asia/Ho_Chi_Minh (and a start trigger when it asks for one) and the hosted scheduler that fires them.</summary>
internal static class SchedulerComposition
{
    /// <summary>Everything <see cref="ScheduledJobs"/> needs (the sources, retention, store upkeep) and the scheduler
    /// itself; settings are checked here, at start. Returns the jobs, for <see cref="OnceRunner"/>.</summary>
    /// <param name="sourcesFile">The file <paramref name="sources"/> came from: unless <paramref name="once"/>, a change to it
    /// is reloaded into the running scheduler (<see cref="SourcesReloader"/>). Null when the sources are not a file (the demo).</param>
    public static IReadOnlyList<ScheduledJob> AddMonitorJobs(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<SourceDefinition> sources, bool once,
        string? sourcesFile = null)
    {
        var jobs = ScheduledJobs.All(sources, configuration);
        services.AddSingleton(new SourceCatalog(sources));
        services.AddSingleton(RetentionJob.Options(configuration));
        services.AddSingleton<StoreRetention>();
        services.AddSingleton<IStoreMaintenance, SqliteMaintenance>();
        services.AddSummaryServices(configuration);
        services.AddMonitorScheduler(jobs, once);
        if (!once && sourcesFile is not null)
        {
            services.AddSingleton(new SourcesReloadOptions(sourcesFile));
            services.AddSingleton<SourcesReloader>();
            services.AddHostedService(sp => sp.GetRequiredService<SourcesReloader>());
        }

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

                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.CronKey)
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
