using System.Text;
using Confluent.Kafka;

namespace Monitor.Kafka;

/// <summary>Headers Monitor writes on its messages (docs/kafka.md lists them).</summary>
public static class ArticleHeaders
{
    /// <summary>Version of the value's JSON schema; a consumer skips what it does not know instead of guessing.</summary>
    public const string SchemaVersion = "schema-version";

    public const string CurrentSchemaVersion = "1";

    /// <summary>Dead-letter headers: why the message failed and where it came from.</summary>
    public const string Error = "error";
    public const string ErrorType = "error-type";
    public const string Tries = "tries";
    public const string OriginalTopic = "original-topic";
    public const string OriginalPartition = "original-partition";
    public const string OriginalOffset = "original-offset";

    public static Headers Versioned() => new() { { SchemaVersion, Encoding.UTF8.GetBytes(CurrentSchemaVersion) } };

    /// <summary>The value of header <paramref name="key"/> as UTF-8 text, or null when the message lacks it.</summary>
    public static string? Get(Headers? headers, string key) =>
        headers is not null && headers.TryGetLastBytes(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
