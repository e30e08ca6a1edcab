using Monitor.Storage.Coverage;
using Monitor.Storage.Elasticsearch;

namespace Monitor.Storage.Tests.Support;

/// <summary>A store under the contract: opened over a filled SQLite store, as many times as a test changes that store.</summary>
internal interface ICoverageBackend : IAsyncDisposable
{
    /// <summary>The coverage store answering for what <paramref name="db"/> holds now.</summary>
    Task<ICoverageStore> OpenAsync(MonitorDatabase db);
}

/// <summary>The embedded store: it answers from the database itself.</summary>
internal sealed class SqliteBackend : ICoverageBackend
{
    public Task<ICoverageStore> OpenAsync(MonitorDatabase db) => Task.FromResult<ICoverageStore>(new SqliteCoverageStore(db, TimeProvider.System));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A real Elasticsearch at <c>MONITOR_ELASTICSEARCH_URL</c> (optionally <c>MONITOR_ELASTICSEARCH_API_KEY</c>), fed
/// from the database by the product's own feed into indices with a prefix of their own, deleted afterwards.</summary>
internal sealed class ElasticsearchBackend : ICoverageBackend
{
    public const string UrlVariable = "MONITOR_ELASTICSEARCH_URL";

    private readonly HttpClient _http = new();
    private ElasticsearchClient? _client;
    private ElasticsearchIndices? _indices;

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    public async Task<ICoverageStore> OpenAsync(MonitorDatabase db)
    {
        _client ??= new ElasticsearchClient(_http, new ElasticsearchOptions
        {
            Url = Url ?? throw new InvalidOperationException(UrlVariable + " is not set"),
            ApiKey = Environment.GetEnvironmentVariable("MONITOR_ELASTICSEARCH_API_KEY"),
            IndexPrefix = "monitor-test-" + Guid.NewGuid().ToString("n")[..12] + "-",
        });
        _indices ??= new ElasticsearchIndices(_client);
        // Two articles per _bulk request: the fixture's seven articles take several pages.
        await new ElasticsearchFeed(db, new ElasticsearchIndexer(_client, _indices), _indices).RunAsync(0, 2, CancellationToken.None);
        return new ElasticsearchCoverageStore(_client, _indices, new SqliteCoverageStore(db, TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        if (_indices is not null)
        {
            await _indices.DeleteAsync(CancellationToken.None);
        }

        _http.Dispose();
    }
}
