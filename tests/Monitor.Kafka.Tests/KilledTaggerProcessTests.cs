using Monitor.Host.Tests.Support;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class KilledTaggerProcessTests
{
    private const int Count = 6_000;

    [Fact]
    public async Task A_tagger_process_killed_mid_stream_loses_nothing_and_duplicates_nothing()
    {
        // The mock cluster lives in this process; the tagger is a real second process that reaches it over loopback.
        using var bed = await KafkaTestBed.StartAsync();
        // The last third is published only after the kill, so the kill is mid-stream by construction: before, the whole
        // stream was published first and the test required that the tagger had not finished when the kill landed,
        // a race a loaded machine (the test's polling thread late, the tagger not) can lose.
        var articles = bed.Articles(Count, bytes: 1500);
        const int BeforeKill = Count * 2 / 3;
        await bed.PublishAsync(articles.Take(BeforeKill));
        string[] Work() => ["work", "--bus", "kafka", "--bootstrap-servers", bed.Cluster.BootstrapServers, "--data-dir", bed.Path];

        using (var worker = MonitorProcess.Start(Work()))
        {
            Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) >= 1000, TimeSpan.FromMinutes(2)),
                "the tagger stored nothing: " + string.Join(" | ", worker.Lines.TakeLast(5)));
            worker.Kill();
        }

        Assert.True(await bed.Reader.CountAsync(CancellationToken.None) <= BeforeKill);
        using (var restarted = MonitorProcess.Start(Work()))
        {
            await bed.PublishAsync(articles.Skip(BeforeKill));
            // The killed member's partitions come back after its session times out; the restarted one takes them.
            Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == Count, TimeSpan.FromMinutes(4)),
                $"stored {await bed.Reader.CountAsync(CancellationToken.None)} of {Count}: " + string.Join(" | ", restarted.Lines.TakeLast(5)));
        }

        var shape = await bed.StoreShapeAsync();
        Assert.Equal((0, 1), (shape.Changes, shape.MaxVersion));
        var matcher = new Monitor.Core.Tagging.PlanMatcher(bed.Plan);
        Assert.Equal(articles.Sum(a => matcher.Tag(a).Themes.Count(t => t.Counts)), shape.Tags);
    }
}
