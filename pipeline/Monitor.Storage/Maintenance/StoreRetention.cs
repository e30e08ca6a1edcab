using Monitor.Storage.Articles;

namespace Monitor.Storage.Maintenance;

/// <summary>How long the store keeps what it only needs for a while (configuration section <c>Monitor:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Monitor:Retention";

    /// <summary>Dead letters older than this are deleted (an operator has had time to read and replay them).</summary>
    public int DeadLetterDays { get; set; } = 90;

    /// <summary>Crawl events older than this are deleted; source health reads only the last 7 days.</summary>
    public int CrawlEventDays { get; set; } = 30;

    /// <summary>A queued message still unprocessed after this many days moves to the dead letters (kept, not lost).</summary>
    public int QueueDays { get; set; } = 30;

    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(DeadLetterDays), DeadLetterDays), (nameof(CrawlEventDays), CrawlEventDays), (nameof(QueueDays), QueueDays) })
        {
            if (value < 1)
            {
                throw new ArgumentException($"{Section}:{name} = {value}: must be at least 1 day");
            }
        }
    }
}

/// <summary>What one retention pass removed or moved.</summary>
public sealed record RetentionResult(int DeadLettersDeleted, int CrawlEventsDeleted, int QueuedExpired);

/// <summary>Deletes old dead letters and crawl events and moves stale queued messages to the dead letters, in one transaction.</summary>
public sealed class StoreRetention(MonitorDatabase db, TimeProvider time)
{
    public async Task<RetentionResult> RunAsync(RetentionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = time.GetUtcNow();
        string Cutoff(int days) => ArticleWriter.Iso(now.AddDays(-days));
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var expired = await connection.ExecuteAsync("""
            INSERT OR REPLACE INTO deadletter (seq, topic, key, payload, error, failed_at)
            SELECT seq, topic, key, payload, 'expired: unprocessed for ' || $days || ' days', $now FROM queue WHERE enqueued_at < $cutoff
            """, ct, tx, ("$days", options.QueueDays), ("$now", ArticleWriter.Iso(now)), ("$cutoff", Cutoff(options.QueueDays)));
        await connection.ExecuteAsync("DELETE FROM queue WHERE enqueued_at < $cutoff", ct, tx, ("$cutoff", Cutoff(options.QueueDays)));
        var letters = await connection.ExecuteAsync("DELETE FROM deadletter WHERE failed_at < $cutoff", ct, tx, ("$cutoff", Cutoff(options.DeadLetterDays)));
        var events = await connection.ExecuteAsync("DELETE FROM crawl_events WHERE at < $cutoff", ct, tx, ("$cutoff", Cutoff(options.CrawlEventDays)));
        await tx.CommitAsync(ct);
        return new RetentionResult(letters, events, expired);
    }
}
