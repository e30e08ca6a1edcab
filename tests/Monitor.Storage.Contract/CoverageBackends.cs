using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;

namespace Monitor.Storage.Contract;

/// <summary>A store under the contract: opened over a filled SQLite store, as many times as a test changes that store.</summary>
public interface ICoverageBackend : IAsyncDisposable
{
    /// <summary>The coverage store answering for what <paramref name="db"/> holds now.</summary>
    Task<ICoverageStore> OpenAsync(MonitorDatabase db);

    /// <summary>The dashboard's feedback store as composed over this store (call after <see cref="OpenAsync"/>).</summary>
    FeedbackStore Feedback(MonitorDatabase db);

    /// <summary>The tagger's writer into this store (call after <see cref="OpenAsync"/>).</summary>
    IArticleTagWriter Writer(MonitorDatabase db);

    /// <summary>The articles behind the numbers from this store (call after <see cref="OpenAsync"/>).</summary>
    IArticleStore Articles(MonitorDatabase db);

    /// <summary>Tìm kiếm's search over this store (call after <see cref="OpenAsync"/>).</summary>
    Search.IArticleSearch Search(MonitorDatabase db);

    /// <summary>Runs the store's nightly upkeep (the scheduler's <c>maintenance:store</c> job), then settles.</summary>
    Task NightlyAsync(MonitorDatabase db);

    /// <summary>Makes what was written since <see cref="OpenAsync"/> visible to the answers.</summary>
    Task SettleAsync();
}

/// <summary>The embedded store: it answers from the database itself.</summary>
public sealed class SqliteBackend : ICoverageBackend
{
    public Task<ICoverageStore> OpenAsync(MonitorDatabase db) => Task.FromResult<ICoverageStore>(new SqliteCoverageStore(db, TimeProvider.System));

    public FeedbackStore Feedback(MonitorDatabase db) => new(db, TimeProvider.System);

    public IArticleTagWriter Writer(MonitorDatabase db) => new SqliteArticleTagWriter(db, TimeProvider.System);

    public IArticleStore Articles(MonitorDatabase db) => new SqliteArticleStore(db);

    public Search.IArticleSearch Search(MonitorDatabase db) => new Search.SqliteArticleSearch(db);

    public Task NightlyAsync(MonitorDatabase db) => new Maintenance.SqliteMaintenance(db).RunAsync(CancellationToken.None);

    public Task SettleAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
