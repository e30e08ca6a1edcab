using Monitor.Lab.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class CrawlToKafkaTests
{
    [Fact]
    public async Task Crawl_with_the_kafka_bus_publishes_every_article_to_kafka_and_a_tagger_stores_them()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var crawlDir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(crawlDir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, $"""
            sources:
              - name: baokontum
                outlet: Báo Kon Tum
                feeds: ["{site.BaseUrl}/baokontum/rss.xml"]
            """);
        var expected = site.Content.Articles.Count(a => a.Outlet == "baokontum");

        // The crawler's own data directory keeps only its frontier; the articles travel through Kafka.
        var crawl = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "crawl", "--sources", sourcesFile, "--bus", "kafka",
            "--bootstrap-servers", bed.Cluster.BootstrapServers, "--data-dir", Path.Combine(crawlDir.Path, "data"));
        Assert.True(crawl.ExitCode == 0, string.Join(" | ", crawl.Lines));
        Assert.Contains($"đã gửi {expected} bài lên Kafka", crawl.Lines);
        var raw = bed.ReadAll("monitor.articles.raw", expected, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, raw.Select(m => m.Message.Key).Distinct().Count());
        Assert.Equal(0, await bed.Reader.CountAsync(CancellationToken.None));

        using var tagger = await bed.StartTaggerAsync();
        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == expected, TimeSpan.FromSeconds(60)));
        await tagger.StopAsync();
    }
}
