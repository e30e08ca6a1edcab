using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Host.Cli;
using Monitor.Host.Pipeline.Kafka;
using Monitor.Kafka;
using Monitor.Kafka.Consuming;

namespace Monitor.Host.Composition;

/// <summary>Composition of the scaled-out roles on Kafka (docs/kafka.md).</summary>
internal static class KafkaComposition
{
    /// <summary>Kafka as the bus; <paramref name="bootstrapServers"/> (from --bootstrap-servers) wins over the configuration.</summary>
    public static HostApplicationBuilder UseKafkaBus(this HostApplicationBuilder builder, string? bootstrapServers)
    {
        if (!string.IsNullOrWhiteSpace(bootstrapServers))
        {
            builder.Configuration[KafkaOptions.Section + ":BootstrapServers"] = bootstrapServers;
        }

        builder.Services.AddMonitorKafka(builder.Configuration);
        return builder;
    }

    /// <summary>The tagger role: consumes monitor.articles.raw in the tagger group, tags, stores, publishes tags.</summary>
    public static IServiceCollection AddKafkaTagger(this IServiceCollection services)
    {
        services.AddSingleton<KafkaTagger>();
        return services.AddKafkaConsumer(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KafkaOptions>>().Value;
            return new KafkaConsumerRole("tagger", options.RawTopic, options.GroupId, sp.GetRequiredService<KafkaTagger>().HandleAsync);
        });
    }

    /// <summary>Starts the host; a wrong setting or an unreachable broker becomes one line for the user.</summary>
    public static async Task StartKafkaAsync(this IHost host, CancellationToken ct)
    {
        try
        {
            await host.StartAsync(ct);
        }
        catch (OptionsValidationException e)
        {
            throw new UserInputException(string.Join("; ", e.Failures));
        }
        catch (KafkaUnavailableException e)
        {
            throw new UserInputException(e.Message);
        }
    }
}
