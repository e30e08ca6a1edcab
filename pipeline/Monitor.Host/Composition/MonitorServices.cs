using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Monitor.Core.Bus;
using Monitor.Crawlers;
using Monitor.Crawlers.Fetching;
using Monitor.Host.Pipeline;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;

namespace Monitor.Host.Composition;

/// <summary>Composition of the embedded default: SQLite store and queue, crawler, tagger, one process.</summary>
internal static class MonitorServices
{
    /// <summary>Store, queue, plans, coverage and the embedded bus, all on the database in the data directory.</summary>
    public static IServiceCollection AddMonitorStore(this IServiceCollection services, MonitorDatabase db)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(db);
        services.AddSingleton<SqliteQueue>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<CrawlState>();
        services.AddSingleton<NearDuplicates>();
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<Monitor.Storage.Users.UserStore>();
        services.AddSingleton<Monitor.Storage.Feedback.FeedbackStore>();
        services.AddSingleton<Monitor.Storage.Feedback.ReviewQueue>();
        services.AddSingleton<Monitor.Storage.Learning.RelevanceModels>();
        // Near misses off unless Monitor:Learning:NearMisses is true (a wrong value stops the command in one line).
        services.AddSingleton(sp => Learning.LearningSettings.Options(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<Monitor.Storage.Learning.RelevanceLearner>();
        services.AddSingleton<Monitor.Storage.Learning.SecondOpinions>();
        services.AddSingleton<Monitor.Storage.Learning.SecondOpinionBudget>();
        services.AddSingleton<ICoverageStore, SqliteCoverageStore>();
        services.AddSingleton<IArticleStore, SqliteArticleStore>();
        services.AddSingleton<Monitor.Storage.Search.IArticleSearch, Monitor.Storage.Search.SqliteArticleSearch>();
        // SQLite first among the stores a re-tag runs through (AddMonitorElasticsearch adds its own after it).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreRetagger, PlanRetagger>());
        // The language model's second opinion of a re-tag (monitor retag, the Kế hoạch page): off unless its budget is set.
        services.TryAddSingleton<IRetagReviewer, Tagging.SecondOpinion.RetagReviewer>();
        services.AddSingleton<IArticlePublisher, SqliteArticlePublisher>();
        services.AddSingleton<IArticleTagWriter, SqliteArticleTagWriter>();
        // Off unless Monitor:Llm:SecondOpinion:Budget is set (a wrong setting stops the worker at start, in one line).
        services.AddSingleton(WorkerSecondOpinion.Create);
        services.AddSingleton<TagAndStoreHandler>();
        // Both buses pause (not dead-letter) while SQLite is busy, locked, full or failing (docs/kafka.md, bad messages).
        services.AddSingleton(new BadMessagePolicy(SqliteFailures.IsUnavailable));
        services.AddSingleton<PipelineWorker>();
        return services;
    }

    /// <summary>The crawler: one long-lived HttpClient, the fetcher's limits, the source crawler.</summary>
    /// <param name="handler">The connection handler; the demo passes one that resolves the sample site's hosts.</param>
    public static IServiceCollection AddMonitorCrawler(this IServiceCollection services, FetchOptions fetch, SocketsHttpHandler? handler = null)
    {
        fetch.Validate();
        services.AddSingleton(fetch);
        services.AddSingleton(_ => HttpFetcher.CreateClient(fetch, handler));
        services.AddSingleton<HttpFetcher>();
        services.AddSingleton<SourceCrawler>();
        return services;
    }

    /// <summary>One-line console logs: a broken source is one line a user reads, not a stack trace.</summary>
    public static ILoggingBuilder AddMonitorConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        // Every level to stderr: stdout carries only the command's output (report --format json, tag's JSON Lines), which a warning must not corrupt.
        logging.AddConsole(o =>
        {
            o.FormatterName = OneLineConsoleFormatter.FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.AddConsoleFormatter<OneLineConsoleFormatter, ConsoleFormatterOptions>();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Quartz", LogLevel.Warning);
        return logging;
    }

    /// <summary>A host with the store on <paramref name="dataDir"/>; callers add what their command needs.</summary>
    public static async Task<HostApplicationBuilder> CreateBuilderAsync(string dataDir, CancellationToken ct)
    {
        var db = await MonitorDatabase.OpenAsync(dataDir, ct);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Logging.AddMonitorConsole();
        builder.Services.AddMonitorStore(db);
        return builder;
    }
}
