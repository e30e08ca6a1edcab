using Monitor.Storage.Coverage;

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
