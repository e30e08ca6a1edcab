using Monitor.Crawlers;
using Quartz;

namespace Monitor.Host.Crawling;

/// <summary>One Quartz job per source: crawls it on its schedule; never two runs of one source at once.</summary>
[DisallowConcurrentExecution]
internal sealed class CrawlSourceJob(SourceCatalog catalog, SourceCrawler crawler) : IJob
{
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SourceKey);
        if (name is not null && catalog.Find(name) is { } source)
        {
            await crawler.CrawlAsync(source, cancellationToken);
        }
    }
}
