using Microsoft.Extensions.Hosting;
using Monitor.Kafka.Consuming;

namespace Monitor.Lab.Bench;

/// <summary>The <c>monitor</c> executable's own composition, handed to the benches that measure it (<c>bench pipeline</c>,
/// <c>bench kafka</c>) by the executable when it registers them. The lab cannot reference the executable (the executable
/// references the lab), so the executable passes the very methods <c>monitor work</c> composes with, and the benches
/// measure the queue worker and the Kafka tagger exactly as they run.</summary>
/// <param name="CreateBuilder">A host with the store, the embedded queue and the tagger on a data directory, logging as the CLI does.</param>
/// <param name="DrainQueue">The embedded worker draining the queue (tag and store); returns the messages handled.</param>
/// <param name="UseKafkaTagger">Puts the host on the Kafka bus at the given bootstrap servers and registers the tagger role's handler.</param>
/// <param name="Tagger">The tagger role's batch handler, from the built host's services.</param>
/// <param name="StartKafka">Starts a host on the Kafka bus (its start-up checks included).</param>
public sealed record ExecutableComposition(
    Func<string, CancellationToken, Task<HostApplicationBuilder>> CreateBuilder,
    Func<IServiceProvider, CancellationToken, Task<long>> DrainQueue,
    Action<HostApplicationBuilder, string> UseKafkaTagger,
    Func<IServiceProvider, KafkaBatchHandler> Tagger,
    Func<IHost, CancellationToken, Task> StartKafka);
