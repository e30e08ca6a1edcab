using Microsoft.Extensions.Configuration;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Monitor.Host.Scheduling.Maintenance;

namespace Monitor.Host.Scheduling;

/// <summary>Every job <c>monitor run</c> and <c>monitor demo</c> schedule: one line per kind of job. Add a job here and
/// nowhere else; <c>monitor run --once</c> runs each of them once.</summary>
internal static class ScheduledJobs
{
    public static IReadOnlyList<ScheduledJob> All(IReadOnlyList<SourceDefinition> sources, IConfiguration configuration) =>
    [
        .. sources.Select(CrawlSourceJob.For),
        RetentionJob.For(configuration),
        StoreMaintenanceJob.For(configuration),
        SummaryJobs.Weekly(configuration),
        SummaryJobs.Reminders(configuration),
        Learning.RelevanceLearningJob.For(configuration),
    ];
}
