using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;

namespace Monitor.Host.Pipeline;

/// <summary>monitor work: the pipeline worker alone (the role a second process or machine runs).</summary>
internal static class WorkCommand
{
    public static async Task<int> RunAsync(string dataDir, bool untilEmpty, CancellationToken ct)
    {
        var builder = await MonitorServices.CreateBuilderAsync(dataDir, ct);
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<PipelineWorker>();
        if (untilEmpty)
        {
            var handled = await worker.DrainAsync(ct);
            await Console.Out.WriteLineAsync($"processed {handled} articles");
            return 0;
        }

        await worker.RunAsync(TimeSpan.FromSeconds(1), ct);
        return 0;
    }

    /// <summary>The tagger role on Kafka: runs until stopped (Ctrl+C, SIGTERM), then closes its consumer cleanly.</summary>
    public static async Task<int> RunKafkaAsync(string dataDir, string? bootstrapServers, CancellationToken ct)
    {
        var builder = await MonitorServices.CreateBuilderAsync(dataDir, ct);
        builder.UseKafkaBus(bootstrapServers);
        // With Elasticsearch configured it is the store of record: each tagger bulk-writes its batches there.
        builder.Services.AddMonitorElasticsearch(builder.Configuration, ElasticsearchUse.Store);
        builder.Services.AddKafkaTagger();
        using var host = builder.Build();
        await host.Services.StartElasticsearchAsync(ct);
        await host.StartKafkaAsync(ct);
        var consumer = host.Services.GetServices<IHostedService>().OfType<Monitor.Kafka.Consuming.KafkaConsumerService>().Single();
        await host.WaitForShutdownAsync(ct);
        // A consume loop that died (a fatal Kafka error) stops the host; say so in the exit code.
        return consumer.ExecuteTask is { IsFaulted: true } ? 1 : 0;
    }
}
