using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Bus;
using Monitor.Kafka.Consuming;

namespace Monitor.Kafka;

/// <summary>Composition of the Kafka bus.</summary>
public static class KafkaServices
{
    /// <summary>Options (section Monitor:Kafka, validated at start), the broker check that runs before every other
    /// hosted service, the process's one producer, and the Kafka publisher in place of the embedded queue.</summary>
    public static IServiceCollection AddMonitorKafka(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, KafkaStartupCheck>());
        services.AddSingleton<KafkaProducer>();
        services.Replace(ServiceDescriptor.Singleton<IArticlePublisher, KafkaArticlePublisher>());
        return services;
    }

    /// <summary>Adds a consuming role: its loop starts with the host and closes with it.</summary>
    public static IServiceCollection AddKafkaConsumer(this IServiceCollection services, Func<IServiceProvider, KafkaConsumerRole> role) =>
        services.AddSingleton<IHostedService>(sp => new KafkaConsumerService(role(sp), sp.GetRequiredService<KafkaProducer>(),
            sp.GetRequiredService<IOptions<KafkaOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KafkaConsumerService>>(),
            sp.GetService<BadMessagePolicy>()));
}
