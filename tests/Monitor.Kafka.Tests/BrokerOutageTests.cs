using Confluent.Kafka;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task Brokers_gone_mid_run_are_retried_and_the_tagger_recovers_when_they_return()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var tagger = await bed.StartTaggerAsync();
        var articles = bed.Articles(200);
        await bed.PublishAsync(articles.Take(100));
        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == 100, TimeSpan.FromSeconds(60)));

        bed.Cluster.SetAllBrokers(up: false);
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bed.Cluster.BootstrapServers }).Build())
        {
            Assert.Throws<KafkaException>(() => admin.GetMetadata(TimeSpan.FromSeconds(2)));
        }

        // Published while every broker is down: the producer holds them and retries.
        var publishing = bed.PublishAsync(articles.Skip(100));
        Assert.False(publishing.IsCompleted);
        bed.Cluster.SetAllBrokers(up: true);
        await publishing;

        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == 200, TimeSpan.FromSeconds(90)),
            $"stored {await bed.Reader.CountAsync(CancellationToken.None)} of 200 after the brokers came back");
        await tagger.StopAsync();
    }
}
