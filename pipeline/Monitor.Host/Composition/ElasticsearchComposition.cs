using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Host.Cli;
using Monitor.Storage.Coverage;
using Monitor.Storage.Elasticsearch;

namespace Monitor.Host.Composition;

/// <summary>Composition of the scaled-out store (docs/elasticsearch.md): when <c>Monitor:Elasticsearch:Url</c> is set,
/// coverage is answered by Elasticsearch; otherwise nothing changes and SQLite answers.</summary>
internal static class ElasticsearchComposition
{
    /// <summary>Reads and checks the settings; a wrong one stops here, one line per problem.</summary>
    /// <param name="feed">Also feed the indices from the SQLite store in the background (the web role does).</param>
    public static IServiceCollection AddMonitorElasticsearch(this IServiceCollection services, IConfiguration configuration, bool feed = false)
    {
        var options = new ElasticsearchOptions();
        configuration.GetSection(ElasticsearchOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new UserInputException(string.Join("; ", failures));
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => new ElasticsearchClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), options));
        services.AddSingleton<ElasticsearchIndices>();
        services.AddSingleton<ElasticsearchIndexer>();
        services.AddSingleton<ElasticsearchFeed>();
        services.AddSingleton<SqliteCoverageStore>();
        services.Replace(ServiceDescriptor.Singleton<ICoverageStore, ElasticsearchCoverageStore>());
        if (feed && options.FeedIntervalSeconds > 0)
        {
            services.AddHostedService<Web.ElasticsearchFeeder>();
        }

        return services;
    }

    /// <summary>When Elasticsearch is configured: asks the cluster for its version within the startup timeout and makes
    /// sure the indices exist, so an unreachable cluster is one clear line at start, not a hang or a failure later.</summary>
    public static async Task StartElasticsearchAsync(this IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<ElasticsearchClient>() is not { } client)
        {
            return;
        }

        var options = client.Options;
        try
        {
            await client.PingAsync(TimeSpan.FromSeconds(options.StartupTimeoutSeconds), ct);
            await services.GetRequiredService<ElasticsearchIndices>().EnsureAsync(ct);
        }
        catch (Exception e) when (e is ElasticsearchUnavailableException or ElasticsearchException)
        {
            throw new UserInputException($"{ElasticsearchOptions.Section}:Url = {options.Url}: {e.Message}: kiểm tra địa chỉ, khoá truy cập, hoặc bỏ Monitor__Elasticsearch__Url để dùng SQLite");
        }
    }
}
