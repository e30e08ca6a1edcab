using Confluent.Kafka;

namespace Monitor.Kafka;

/// <summary>The native librdkafka that Confluent.Kafka loaded (the registry's librdkafka.redist).</summary>
public static class KafkaNative
{
    /// <summary>The version librdkafka reports, e.g. "2.16.0"; loading it proves the native setup works.</summary>
    public static string LibrdkafkaVersion => Library.VersionString;
}
