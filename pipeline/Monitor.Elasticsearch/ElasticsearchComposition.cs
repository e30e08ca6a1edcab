using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Maintenance;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch;

/// <summary>What a role does with Elasticsearch beyond answering coverage.</summary>
[Flags]
public enum ElasticsearchUse
{
    /// <summary>Coverage, quotas, gaps and the dashboards answer from it.</summary>
    Answers = 0,

    /// <summary>Also feed it from the SQLite store in the background (the web role over an embedded pipeline).</summary>
    Feed = 1,

    /// <summary>Also write tagged articles to it directly, as the store of record (the Kafka tagger role).</summary>
    Store = 2,
}

/// <summary>Composition of the Elasticsearch store (docs/elasticsearch.md): when <c>Monitor:Elasticsearch:Url</c> is set,
/// coverage is answered by Elasticsearch; otherwise nothing changes and SQLite answers.</summary>
public static class ElasticsearchComposition
{
    /// <summary>Reads and checks the settings; a wrong one stops here (<see cref="ElasticsearchOptionsException"/>, one line).</summary>
    public static IServiceCollection AddMonitorElasticsearch(this IServiceCollection services, IConfiguration configuration, ElasticsearchUse use = ElasticsearchUse.Answers)
    {
        var options = new ElasticsearchOptions();
        configuration.GetSection(ElasticsearchOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new ElasticsearchOptionsException(failures);
        }

        services.AddSingleton(options);
        services.AddSingleton(_ => new ElasticsearchConnection(options));
        services.AddSingleton<ElasticsearchIndices>();
        services.AddSingleton<ElasticsearchIndexer>();
        services.AddSingleton<ElasticsearchFeed>();
        services.AddSingleton<ElasticsearchRetagger>();
        // monitor retag and the dashboard's re-tag run every IStoreRetagger: SQLite's (its copies over an embedded
        // pipeline), then Elasticsearch's (the store of record when scaled out).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreRetagger, PlanRetagger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreRetagger, ElasticsearchStoreRetagger>());
        services.TryAddSingleton<Storage.Learning.RelevanceModels>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreMaintenance, ElasticsearchMaintenance>());
        // Feedback: decisions stay in SQLite; the dashboard's store applies each to the tags index, every write applies those in force.
        services.TryAddSingleton<FeedbackDecisions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITagFeedbackSink, ElasticsearchFeedbackSink>());
        services.AddSingleton<ElasticsearchFeedbackReplay>();
        services.TryAddSingleton<SqliteCoverageStore>();
        // Counts and the articles behind them come from the same store: both replaced together, never one alone.
        services.Replace(ServiceDescriptor.Singleton<ICoverageStore, ElasticsearchCoverageStore>());
        services.AddSingleton<ElasticsearchArticleStore>();
        services.Replace(ServiceDescriptor.Singleton<IArticleStore>(sp => sp.GetRequiredService<ElasticsearchArticleStore>()));
        // Tìm kiếm searches the store that holds the articles: in the scaled-out deployment only the articles index does.
        services.Replace(ServiceDescriptor.Singleton<Storage.Search.IArticleSearch, ElasticsearchArticleSearch>());
        if (use.HasFlag(ElasticsearchUse.Feed) && options.FeedIntervalSeconds > 0)
        {
            services.AddHostedService<ElasticsearchFeeder>();
        }

        if (use.HasFlag(ElasticsearchUse.Store))
        {
            services.Replace(ServiceDescriptor.Singleton<IArticleTagWriter, ElasticsearchArticleTagWriter>());
        }

        return services;
    }

    /// <summary>When Elasticsearch is configured: asks the cluster for its version within the startup timeout and makes
    /// sure the indices exist, so an unreachable cluster is one clear line at start (<see cref="ElasticsearchStartException"/>),
    /// not a hang or a failure later.</summary>
    public static async Task StartElasticsearchAsync(this IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<ElasticsearchConnection>() is not { } connection)
        {
            return;
        }

        var options = connection.Options;
        try
        {
            await connection.PingAsync(TimeSpan.FromSeconds(options.StartupTimeoutSeconds), ct);
            await services.GetRequiredService<ElasticsearchIndices>().EnsureAsync(ct);
        }
        catch (Exception e) when (e is ElasticsearchUnavailableException or ElasticsearchException)
        {
            throw new ElasticsearchStartException(
                $"{ElasticsearchOptions.Section}:Url = {options.Url}: {e.Message}: kiểm tra địa chỉ, khoá truy cập, hoặc bỏ Monitor__Elasticsearch__Url để dùng SQLite", e);
        }
    }
}

/// <summary>The cluster did not answer at start, or refused to set up the indices; the message is one line for the user.</summary>
public sealed class ElasticsearchStartException(string message, Exception inner) : Monitor.Core.UserErrorException(message, inner);
