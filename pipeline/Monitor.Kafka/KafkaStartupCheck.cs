using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitor.Kafka;

/// <summary>Raised at start when no broker answers; the message is the one line a user reads.</summary>
public sealed class KafkaUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Asks the cluster for its metadata before any role starts, so an unreachable broker is a clear error
/// within <see cref="KafkaOptions.StartupTimeoutSeconds"/> instead of a process that waits forever.</summary>
public sealed class KafkaStartupCheck(IOptions<KafkaOptions> options, ILogger<KafkaStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => Check(options.Value, logger), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throws <see cref="KafkaUnavailableException"/> when the brokers cannot be reached in time.</summary>
    public static void Check(KafkaOptions kafka, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(kafka))
            // Connection refusals are the expected failure here; the exception below says it once.
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, _) => { })
            .Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(TimeSpan.FromSeconds(kafka.StartupTimeoutSeconds));
        }
        catch (KafkaException e)
        {
            throw new KafkaUnavailableException(
                $"không kết nối được Kafka tại {kafka.BootstrapServers} sau {kafka.StartupTimeoutSeconds} giây ({e.Error.Reason}): kiểm tra --bootstrap-servers hoặc Monitor__Kafka__BootstrapServers", e);
        }

        if (metadata.Brokers.Count == 0)
        {
            throw new KafkaUnavailableException($"Kafka tại {kafka.BootstrapServers} không trả về broker nào");
        }

        foreach (var topic in new[] { kafka.RawTopic, kafka.TaggedTopic, kafka.DeadLetterTopic })
        {
            if (!metadata.Topics.Any(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError))
            {
                logger.LogWarning("Chủ đề Kafka {Topic} chưa có; nó chỉ được tạo nếu broker cho phép tự tạo (xem docs/kafka.md)", topic);
            }
        }

        logger.LogInformation("Kafka: {Brokers} broker tại {Bootstrap}", metadata.Brokers.Count, kafka.BootstrapServers);
    }
}
