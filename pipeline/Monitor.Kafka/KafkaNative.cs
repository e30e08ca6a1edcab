using Confluent.Kafka;

namespace Monitor.Kafka;

/// <summary>The native librdkafka that Confluent.Kafka loaded (built from source by infra/librdkafka/build.sh).</summary>
public static class KafkaNative
{
    /// <summary>The version librdkafka reports, e.g. "2.15.1"; loading it proves the native setup works.</summary>
    public static string LibrdkafkaVersion => Library.VersionString;
}
