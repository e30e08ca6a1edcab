using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitor.Elasticsearch;

/// <summary>Beside the dashboards when Elasticsearch answers coverage over an embedded (SQLite) pipeline: feeds the
/// indices from the SQLite store every <see cref="ElasticsearchOptions.FeedIntervalSeconds"/>, everything once at start
/// and then the articles stored since (<c>monitor index</c> feeds the rest, see docs/elasticsearch.md). A failed feed is
/// logged, item by item, and tried again from the same point at the next tick: writes are idempotent, nothing is skipped.
/// With Kafka taggers writing to Elasticsearch directly the SQLite store holds no articles and each tick finds none.</summary>
internal sealed class ElasticsearchFeeder(ElasticsearchFeed feed, ElasticsearchOptions options, TimeProvider time, ILogger<ElasticsearchFeeder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long last = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (articles, seq) = await feed.RunAsync(last, options.BulkArticles, stoppingToken);
                if (articles > 0)
                {
                    logger.LogInformation("Đã chép {Articles} bài sang Elasticsearch (đến số thứ tự {Seq})", articles, seq);
                }

                last = seq;
            }
            catch (Exception e) when (e is ElasticsearchBulkException or ElasticsearchException or ElasticsearchUnavailableException)
            {
                logger.LogError("Chép sang Elasticsearch lỗi, thử lại sau {Seconds} giây: {Error}", options.FeedIntervalSeconds, e.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.FeedIntervalSeconds), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
