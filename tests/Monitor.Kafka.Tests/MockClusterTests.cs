using Confluent.Kafka;
using Monitor.Lab.KafkaMock;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class MockClusterTests
{
    [Fact]
    public void The_mock_cluster_has_three_brokers_and_monitors_topics()
    {
        using var cluster = MockCluster.Start();
        Assert.Equal(3, cluster.BootstrapServers.Split(',').Length);
        Assert.All(cluster.BootstrapServers.Split(','), s => Assert.StartsWith("127.0.0.1:", s, StringComparison.Ordinal));
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.Equal(3, metadata.Brokers.Count);
        foreach (var topic in new[] { "monitor.articles.raw", "monitor.articles.tagged", "monitor.deadletter" })
        {
            Assert.Equal(6, metadata.Topics.Single(t => t.Topic == topic).Partitions.Count);
        }
    }

    [Fact]
    public async Task A_message_produced_on_the_mock_cluster_is_consumed_back()
    {
        using var cluster = MockCluster.Start();
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true }).Build())
        {
            var delivered = await producer.ProduceAsync("monitor.articles.raw", new Message<string, string> { Key = "k", Value = "v" });
            Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = "g", AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("monitor.articles.raw");
        var until = DateTime.UtcNow.AddSeconds(20);
        ConsumeResult<string, string>? result = null;
        while (result is null && DateTime.UtcNow < until)
        {
            result = consumer.Consume(TimeSpan.FromMilliseconds(200));
        }

        Assert.NotNull(result);
        Assert.Equal(("k", "v"), (result.Message.Key, result.Message.Value));
        consumer.Close();
    }
}
