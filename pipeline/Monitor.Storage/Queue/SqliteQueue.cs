using Microsoft.Data.Sqlite;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Queue;

/// <summary>A message on the embedded bus.</summary>
public sealed record QueueMessage(string Key, string Payload);

/// <summary>A message taken from the queue, with its position.</summary>
public sealed record QueuedMessage(long Seq, string Key, string Payload);

/// <summary>
/// The embedded bus: a durable queue inside the store's database. A batch is claimed, processed and deleted in
/// one transaction together with whatever the handler writes, so a crash anywhere rolls the whole batch back:
/// nothing is lost and nothing is written twice.
/// </summary>
public sealed class SqliteQueue(MonitorDatabase db, TimeProvider time)
{
    public const string RawTopic = "monitor.articles.raw";

    public async Task EnqueueAsync(string topic, IReadOnlyCollection<QueueMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await EnqueueAsync(connection, tx, topic, messages, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Enqueues inside the caller's transaction (a crawler records the frontier and the article together).</summary>
    public static async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction tx, string topic, IEnumerable<QueueMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(messages);
        await using var insert = connection.Command("INSERT INTO queue (topic, key, payload, enqueued_at) VALUES ($topic, $key, $payload, $now)", tx,
            ("$topic", topic), ("$key", ""), ("$payload", ""), ("$now", ArticleWriter.Iso(now)));
        foreach (var message in messages)
        {
            insert.Parameters["$key"].Value = message.Key;
            insert.Parameters["$payload"].Value = message.Payload;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Claims up to <paramref name="max"/> messages of a topic, runs the handler in the same transaction,
    /// deletes the batch and commits. Returns how many messages were handled (0 when the topic is empty).</summary>
    public async Task<int> ProcessBatchAsync(string topic, int max, BatchHandler handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var batch = new List<QueuedMessage>(max);
        await using (var select = connection.Command("SELECT seq, key, payload FROM queue WHERE topic = $topic ORDER BY seq LIMIT $max", tx, ("$topic", topic), ("$max", max)))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                batch.Add(new QueuedMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        await handler(connection, tx, batch, ct);
        await connection.ExecuteAsync("DELETE FROM queue WHERE topic = $topic AND seq <= $last AND seq >= $first", ct, tx,
            ("$topic", topic), ("$first", batch[0].Seq), ("$last", batch[^1].Seq));
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>The oldest <paramref name="max"/> messages of a topic, without taking them: <see cref="ProcessAsync"/> takes them.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> PeekAsync(string topic, int max, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var select = connection.Command("SELECT seq, key, payload FROM queue WHERE topic = $topic ORDER BY seq LIMIT $max", null, ("$topic", topic), ("$max", max));
        await using var reader = await select.ExecuteReaderAsync(ct);
        var batch = new List<QueuedMessage>(max);
        while (await reader.ReadAsync(ct))
        {
            batch.Add(new QueuedMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return batch;
    }

    /// <summary>Runs the handler on exactly these messages and deletes them, in one transaction: a throw leaves them all
    /// queued. The bad-message policy calls it on a batch, then on single messages when the batch failed.</summary>
    public async Task ProcessAsync(string topic, IReadOnlyList<QueuedMessage> messages, BatchHandler handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(handler);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await handler(connection, tx, messages, ct);
        await connection.ExecuteAsync("DELETE FROM queue WHERE topic = $topic AND seq IN (SELECT value FROM json_each($seqs))", ct, tx,
            ("$topic", topic), ("$seqs", System.Text.Json.JsonSerializer.Serialize(messages.Select(m => m.Seq))));
        await tx.CommitAsync(ct);
    }

    /// <summary>Moves one message from the queue to the dead letters with the reason, in a transaction of its own.</summary>
    public async Task DeadLetterAsync(string topic, QueuedMessage message, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await DeadLetterAsync(connection, tx, topic, message, error, ct);
        await connection.ExecuteAsync("DELETE FROM queue WHERE topic = $topic AND seq = $seq", ct, tx, ("$topic", topic), ("$seq", message.Seq));
        await tx.CommitAsync(ct);
    }

    /// <summary>Moves a message that cannot be processed aside, with the reason, inside the batch's transaction.</summary>
    public async Task DeadLetterAsync(SqliteConnection connection, SqliteTransaction tx, string topic, QueuedMessage message, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(message);
        await connection.ExecuteAsync("""
            INSERT OR REPLACE INTO deadletter (seq, topic, key, payload, error, failed_at) VALUES ($seq, $topic, $key, $payload, $error, $now)
            """, ct, tx, ("$seq", message.Seq), ("$topic", topic), ("$key", message.Key), ("$payload", message.Payload), ("$error", error),
            ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }

    public async Task<long> CountAsync(string topic, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM queue WHERE topic = $topic", ct, null, ("$topic", topic));
    }

    public async Task<long> DeadLetterCountAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM deadletter", ct);
    }
}

/// <summary>Processes a claimed batch inside the queue's transaction; throwing rolls the batch back.</summary>
public delegate Task BatchHandler(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<QueuedMessage> batch, CancellationToken ct);
