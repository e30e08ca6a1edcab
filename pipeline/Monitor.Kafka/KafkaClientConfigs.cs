using Confluent.Kafka;

namespace Monitor.Kafka;

/// <summary>librdkafka configurations built from <see cref="KafkaOptions"/>; pass-through properties are applied last.</summary>
internal static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            CompressionType = Enum.Parse<CompressionType>(options.Compression, ignoreCase: true),
            LingerMs = 5,
            // Bounded memory: when this many messages wait, a publish waits for deliveries (see ArticleProducer).
            QueueBufferingMaxMessages = options.MaxInFlightMessages,
            QueueBufferingMaxKbytes = 256 * 1024,
            // A broker gone for minutes is retried; the crawler hears of a loss only after this.
            MessageTimeoutMs = 300_000,
            ClientId = "monitor-producer",
        };
        return Apply(config, options);
    }

    public static ConsumerConfig Consumer(KafkaOptions options, string groupId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,
            AutoCommitIntervalMs = 1_000,
            ClientId = "monitor-consumer",
        };
        return Apply(config, options);
    }

    public static AdminClientConfig Admin(KafkaOptions options) =>
        Apply(new AdminClientConfig { BootstrapServers = options.BootstrapServers, ClientId = "monitor-admin" }, options);

    private static T Apply<T>(T config, KafkaOptions options) where T : ClientConfig
    {
        foreach (var (key, value) in options.Properties)
        {
            config.Set(key, value);
        }

        return config;
    }
}
