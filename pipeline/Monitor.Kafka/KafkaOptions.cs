namespace Monitor.Kafka;

/// <summary>Settings of the Kafka bus, section <c>Monitor:Kafka</c> (environment: <c>Monitor__Kafka__BootstrapServers</c>, ...).</summary>
public sealed class KafkaOptions
{
    public const string Section = "Monitor:Kafka";

    /// <summary>Comma-separated host:port list of brokers.</summary>
    public string BootstrapServers { get; set; } = "";

    public string RawTopic { get; set; } = "monitor.articles.raw";

    public string TaggedTopic { get; set; } = "monitor.articles.tagged";

    public string DeadLetterTopic { get; set; } = "monitor.deadletter";

    /// <summary>Consumer group of the tagger role; every tagger process of one deployment shares it.</summary>
    public string GroupId { get; set; } = "monitor-tagger";

    /// <summary>How many times a message is handled before it goes to the dead-letter topic.</summary>
    public int MaxTries { get; set; } = 3;

    /// <summary>How long the start waits for a broker to answer before it gives up with an error.</summary>
    public int StartupTimeoutSeconds { get; set; } = 5;

    /// <summary>Messages the producer may hold in memory before a publish waits (back-pressure).</summary>
    public int MaxInFlightMessages { get; set; } = 100_000;

    /// <summary>Most messages handled (and stored) in one transaction.</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>Batches a consumer handles at once (one tagged, one stored, one acknowledged); offsets are still stored
    /// in order. 1 handles one batch at a time.</summary>
    public int MaxBatchesInFlight { get; set; } = 3;

    /// <summary>Compression of produced batches: none, gzip, snappy, lz4 or zstd.</summary>
    public string Compression { get; set; } = "lz4";

    /// <summary>Any librdkafka property passed through as is (security.protocol, ssl.ca.location, sasl.mechanism, ...).</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);
}
