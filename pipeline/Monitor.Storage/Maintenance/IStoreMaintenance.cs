namespace Monitor.Storage.Maintenance;

/// <summary>Periodic upkeep of a store, run by the scheduler's maintenance job (<c>monitor run</c>): the SQLite store
/// optimizes its statistics and full-text index; the Elasticsearch store registers its own (index refresh).</summary>
public interface IStoreMaintenance
{
    /// <summary>A short name for logs ("sqlite", "elasticsearch").</summary>
    string Name { get; }

    Task RunAsync(CancellationToken ct);
}
