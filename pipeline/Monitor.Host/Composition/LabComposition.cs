using Microsoft.Extensions.DependencyInjection;
using Monitor.Host.Pipeline;
using Monitor.Host.Pipeline.Kafka;
using Monitor.Lab.Bench;

namespace Monitor.Host.Composition;

/// <summary>What the executable hands to the lab's benches of its own composition (<c>bench pipeline</c>, <c>bench
/// kafka</c>): the same methods <c>monitor work</c> composes with (docs/architecture.md, "Why a lab project").</summary>
internal static class LabComposition
{
    public static ExecutableComposition Executable { get; } = new(
        MonitorServices.CreateBuilderAsync,
        (services, ct) => services.GetRequiredService<PipelineWorker>().DrainAsync(ct),
        (builder, bootstrap) =>
        {
            builder.UseKafkaBus(bootstrap);
            builder.Services.AddSingleton<KafkaTagger>();
        },
        services => services.GetRequiredService<KafkaTagger>().HandleAsync,
        (host, ct) => host.StartKafkaAsync(ct));
}
