using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Monitor.Kafka;

/// <summary>Routes librdkafka's own log lines and client errors to the host's logger instead of stderr.</summary>
internal static class KafkaLog
{
    public static void Write(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        logger.Log(level, "librdkafka {Facility}: {Message}", message.Facility, message.Message);
    }

    /// <summary>Most client errors are transient (a broker restarting) and librdkafka retries them itself.</summary>
    public static void Error(ILogger logger, Error error)
    {
        if (error.IsFatal)
        {
            logger.LogError("Lỗi Kafka nghiêm trọng: {Reason} ({Code})", error.Reason, error.Code);
        }
        else
        {
            logger.LogWarning("Kafka: {Reason} ({Code}); đang thử lại", error.Reason, error.Code);
        }
    }
}
