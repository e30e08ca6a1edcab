namespace Monitor.Kafka.Tests;

public sealed class LibrdkafkaTests
{
    [Fact]
    [Trait("Category", "Kafka")]
    public void Confluent_kafka_loads_the_librdkafka_2_15_1_built_by_the_project() =>
        Assert.Equal("2.15.1", KafkaNative.LibrdkafkaVersion);
}
