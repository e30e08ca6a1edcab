using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;

namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>A real Elasticsearch at <c>MONITOR_ELASTICSEARCH_URL</c> (optionally <c>MONITOR_ELASTICSEARCH_API_KEY</c>), fed
/// from the database by the product's own feed into indices with a prefix of their own, deleted afterwards. Later
/// writes go as in the scaled-out deployment: the tagger's bulk writer (applying the decisions in force) and the
/// dashboard's feedback store with the Elasticsearch sink.</summary>
internal sealed class ElasticsearchBackend : ICoverageBackend
{
    private ElasticsearchConnection? _connection;
    private ElasticsearchIndices? _indices;

    public static string? Url => Environment.GetEnvironmentVariable(INeedsElasticsearch.UrlVariable) is { Length: > 0 } url ? url : null;

    private ElasticsearchConnection Connection => _connection ?? throw new InvalidOperationException("OpenAsync first");

    public async Task<ICoverageStore> OpenAsync(MonitorDatabase db)
    {
        _connection ??= new ElasticsearchConnection(new ElasticsearchOptions
        {
            Url = Url ?? throw new InvalidOperationException(INeedsElasticsearch.UrlVariable + " is not set"),
            ApiKey = Environment.GetEnvironmentVariable("MONITOR_ELASTICSEARCH_API_KEY"),
            IndexPrefix = "monitor-test-" + Guid.NewGuid().ToString("n")[..12] + "-",
        });
        _indices ??= new ElasticsearchIndices(_connection);
        // Two articles per _bulk request: the fixture's seven articles take several pages.
        await new ElasticsearchFeed(db, new ElasticsearchIndexer(_connection), _indices).RunAsync(0, 2, CancellationToken.None);
        return new ElasticsearchCoverageStore(_connection, new SqliteCoverageStore(db, TimeProvider.System), new ElasticsearchArticleStore(_connection, db, TimeProvider.System));
    }

    public FeedbackStore Feedback(MonitorDatabase db) => new(db, TimeProvider.System, [new ElasticsearchFeedbackSink(Connection, TimeProvider.System)]);

    public IArticleTagWriter Writer(MonitorDatabase db) =>
        new ElasticsearchArticleTagWriter(new ElasticsearchIndexer(Connection, new FeedbackDecisions(db), new Storage.Crawl.NearDuplicates(db, TimeProvider.System)),
            TimeProvider.System);

    public IArticleStore Articles(MonitorDatabase db) => new ElasticsearchArticleStore(Connection, db, TimeProvider.System);

    public Storage.Search.IArticleSearch Search(MonitorDatabase db) => new ElasticsearchArticleSearch(Connection);

    public async Task NightlyAsync(MonitorDatabase db)
    {
        await new ElasticsearchMaintenance(_indices!, new ElasticsearchFeedbackReplay(Connection, new FeedbackDecisions(db), TimeProvider.System)).RunAsync(CancellationToken.None);
        await SettleAsync();
    }

    public Task SettleAsync() => _indices!.RefreshAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_indices is not null)
        {
            await _indices.DeleteAsync(CancellationToken.None);
        }
    }
}
