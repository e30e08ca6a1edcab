using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitor.Kafka;

/// <summary>The one producer of the process (idempotent, acks=all, compressed). A send returns once the broker has
/// the message; when librdkafka's local queue is full it waits for deliveries instead of growing memory.</summary>
public sealed class KafkaProducer : IDisposable
{
    private static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(20);
    private readonly IProducer<string, string> _producer;
    private readonly TimeProvider _time;

    public KafkaProducer(IOptions<KafkaOptions> options, TimeProvider time, ILogger<KafkaProducer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _producer = new ProducerBuilder<string, string>(KafkaClientConfigs.Producer(options.Value))
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .SetErrorHandler((_, e) => KafkaLog.Error(logger, e))
            .Build();
    }

    /// <summary>Sends one message and waits for its delivery report; a failed delivery throws <see cref="ProduceException{TKey,TValue}"/>.</summary>
    public async Task<DeliveryResult<string, string>> SendAsync(string topic, Message<string, string> message, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await _producer.ProduceAsync(topic, message, ct);
            }
            catch (ProduceException<string, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                await Task.Delay(QueueFullWait, _time, ct);
            }
        }
    }

    /// <summary>Sends many messages at once (one round of batches, not one round trip each) and waits for all deliveries.</summary>
    public async Task SendAllAsync(string topic, IEnumerable<Message<string, string>> messages, CancellationToken ct) =>
        await Task.WhenAll(messages.Select(m => SendAsync(topic, m, ct)));

    /// <summary>Waits until every queued message is delivered (or <paramref name="timeout"/> passes); returns how many are left.</summary>
    public int Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
