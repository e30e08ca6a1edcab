using Microsoft.Data.Sqlite;

namespace Monitor.Storage.Articles;

/// <summary>Tagged articles into the SQLite store: in a transaction of their own (the Kafka tagger), or in the caller's,
/// so the embedded queue's hand-off commits with them.</summary>
public sealed class SqliteArticleTagWriter(MonitorDatabase db, TimeProvider time) : IArticleTagWriter
{
    public async Task<IReadOnlyList<int>> WriteAsync(TaggedBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var stored = await WriteAsync(connection, tx, batch, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    /// <summary>Writes the batch inside the caller's transaction. Storing is an upsert by article id; an article older
    /// than the stored one (a reordered redelivery) is left out, tags and all.</summary>
    public static async Task<IReadOnlyList<int>> WriteAsync(SqliteConnection connection, SqliteTransaction tx, TaggedBatch batch, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = new List<int>(batch.Articles.Count);
        for (var i = 0; i < batch.Articles.Count; i++)
        {
            var outcome = await ArticleWriter.UpsertAsync(connection, tx, batch.Articles[i], now, ct, batch.Search[i]);
            if (outcome == UpsertOutcome.Stale)
            {
                continue;
            }

            for (var p = 0; p < batch.Plans.Count; p++)
            {
                var (planId, version) = batch.Plans[p];
                await ArticleWriter.ReplaceTagsAsync(connection, tx, planId, version, batch.Results[i][p], now, ct, fresh: outcome == UpsertOutcome.Inserted);
            }

            stored.Add(i);
        }

        return stored;
    }
}
