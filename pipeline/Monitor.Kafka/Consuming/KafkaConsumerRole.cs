using Confluent.Kafka;

namespace Monitor.Kafka.Consuming;

/// <summary>Handles a batch of consumed messages; returning means every one of them is durably handled.
/// Throwing <see cref="FormatException"/> marks a message that no retry can fix.</summary>
public delegate Task KafkaBatchHandler(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct);

/// <summary>One consuming role of a process: what it reads, in which group, and what it does with a batch.</summary>
public sealed record KafkaConsumerRole(string Name, string Topic, string GroupId, KafkaBatchHandler Handler);
