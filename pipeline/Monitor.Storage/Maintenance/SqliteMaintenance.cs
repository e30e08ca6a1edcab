namespace Monitor.Storage.Maintenance;

/// <summary>The SQLite store's upkeep: merges the full-text index's segments (a crawler adds one per transaction),
/// refreshes the planner's statistics, and truncates the write-ahead log.</summary>
public sealed class SqliteMaintenance(MonitorDatabase db) : IStoreMaintenance
{
    public string Name => "sqlite";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        // 'merge' with a page budget works in bounded steps (a positive value keeps going until it has written that many
        // pages), so a large index is merged over several nights instead of holding the write lock for minutes.
        await connection.ExecuteAsync("INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', 2000)", ct);
        await connection.ExecuteAsync("PRAGMA optimize", ct);
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }
}
