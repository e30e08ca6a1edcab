using Microsoft.Extensions.Options;

namespace Monitor.Kafka;

/// <summary>Checks the Kafka settings at start; each failure is one Vietnamese line naming the setting and its value.</summary>
internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    private static readonly string[] Compressions = ["none", "gzip", "snappy", "lz4", "zstd"];

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();
        const string S = KafkaOptions.Section;
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            failures.Add($"{S}:BootstrapServers trống: đặt --bootstrap-servers HOST:PORT hoặc biến môi trường Monitor__Kafka__BootstrapServers");
        }
        else if (options.BootstrapServers.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(s => !LooksLikeHostPort(s)) is { } bad)
        {
            failures.Add($"{S}:BootstrapServers có '{bad}' không phải HOST:PORT");
        }

        foreach (var (key, value) in new[] { ("RawTopic", options.RawTopic), ("TaggedTopic", options.TaggedTopic), ("DeadLetterTopic", options.DeadLetterTopic), ("GroupId", options.GroupId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{S}:{key} trống");
            }
        }

        if (options.MaxTries is < 1 or > 100)
        {
            failures.Add($"{S}:MaxTries = {options.MaxTries} phải từ 1 đến 100");
        }

        if (options.StartupTimeoutSeconds is < 1 or > 300)
        {
            failures.Add($"{S}:StartupTimeoutSeconds = {options.StartupTimeoutSeconds} phải từ 1 đến 300");
        }

        if (options.MaxInFlightMessages is < 1 or > 10_000_000)
        {
            failures.Add($"{S}:MaxInFlightMessages = {options.MaxInFlightMessages} phải từ 1 đến 10000000");
        }

        if (options.MaxBatch is < 1 or > 10_000)
        {
            failures.Add($"{S}:MaxBatch = {options.MaxBatch} phải từ 1 đến 10000");
        }

        if (options.MaxBatchesInFlight is < 1 or > 16)
        {
            failures.Add($"{S}:MaxBatchesInFlight = {options.MaxBatchesInFlight} phải từ 1 đến 16");
        }

        if (!Compressions.Contains(options.Compression))
        {
            failures.Add($"{S}:Compression = '{options.Compression}' phải là một trong {string.Join(", ", Compressions)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool LooksLikeHostPort(string server)
    {
        var colon = server.LastIndexOf(':');
        return colon > 0 && int.TryParse(server.AsSpan(colon + 1), out var port) && port is > 0 and < 65536;
    }
}
