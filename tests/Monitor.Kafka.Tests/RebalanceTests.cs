using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class RebalanceTests
{
    private const int Count = 4000;

    [Fact]
    public async Task Two_taggers_in_one_group_share_the_partitions_and_one_leaving_mid_stream_loses_nothing()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var first = await bed.StartTaggerAsync();
        using var second = await bed.StartTaggerAsync();
        var a = KafkaTestBed.Consumer(first);
        var b = KafkaTestBed.Consumer(second);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(a.Partitions.Count == 3 && b.Partitions.Count == 3), TimeSpan.FromSeconds(60)),
            $"partitions not shared: {string.Join(",", a.Partitions)} / {string.Join(",", b.Partitions)}");
        Assert.Empty(a.Partitions.Intersect(b.Partitions));

        // The stream is published in two halves, the second only after the second tagger has left. Before, the whole
        // stream was published at once and the test then required that not everything was stored when the second
        // tagger's StopAsync returned: a race it lost under load (Handled rises a whole batch at a time, once per turn of
        // the consume loop, so when the test first saw 300 the second tagger could have drained its partitions, and the
        // first its own: a run of this test closed the second with 1,037 handled, all its share of the first 2,000). Now the
        // leave is mid-stream by construction: the late half's articles on the second tagger's former partitions can
        // only be stored if the first tagger takes those partitions over from the offsets the second committed.
        var articles = bed.Articles(Count, bytes: 600);
        var publishing = bed.PublishAsync(articles.Take(Count / 2));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(b.Handled >= 300), TimeSpan.FromSeconds(60)), "the second tagger handled nothing");
        await second.StopAsync();
        await publishing;
        Assert.Empty(b.Partitions);
        Assert.True(await bed.Reader.CountAsync(CancellationToken.None) <= Count / 2);
        await bed.PublishAsync(articles.Skip(Count / 2));

        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == Count, TimeSpan.FromSeconds(120)),
            $"stored {await bed.Reader.CountAsync(CancellationToken.None)} of {Count}");
        Assert.Equal(6, a.Partitions.Count);
        var shape = await bed.StoreShapeAsync();
        Assert.Equal((0, 1), (shape.Changes, shape.MaxVersion));
        var matcher = new Monitor.Core.Tagging.PlanMatcher(bed.Plan);
        Assert.Equal(articles.Sum(x => matcher.Tag(x).Themes.Count(t => t.Counts)), shape.Tags);
        await first.StopAsync();
    }
}
