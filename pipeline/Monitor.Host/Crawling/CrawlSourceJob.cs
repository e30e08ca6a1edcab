using Monitor.Crawlers;
using Monitor.Crawlers.Sources;
using Monitor.Host.Scheduling;
using Quartz;

namespace Monitor.Host.Crawling;

/// <summary>One Quartz job per source: crawls it on the source's own cron; never two runs of one source at once (a run
/// longer than the interval delays the next instead of doubling the load on the outlet).</summary>
[DisallowConcurrentExecution]
internal sealed class CrawlSourceJob(SourceCatalog catalog, SourceCrawler crawler) : IJob
{
    public const string SourceKey = "source";

    /// <summary>The source's job: its cron from sources.yaml, a first run at start, and after a missed fire (the process
    /// was down, or the previous run overran) one catch-up run now, then back on the schedule: a crawl picks up everything
    /// published meanwhile, so one run replaces any number of missed ones.</summary>
    public static ScheduledJob For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ScheduledJob($"crawl:{source.Name}", typeof(CrawlSourceJob), source.Schedule, CronTriggerMisfireInstruction.FireAndProceed, RunAtStart: true,
            new Dictionary<string, string> { [SourceKey] = source.Name });
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SourceKey);
        if (name is not null && catalog.Find(name) is { } source)
        {
            context.Result = await crawler.CrawlAsync(source, cancellationToken);
        }
    }
}
