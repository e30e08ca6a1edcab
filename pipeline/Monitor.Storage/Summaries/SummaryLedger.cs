using Monitor.Storage.Articles;

namespace Monitor.Storage.Summaries;

/// <summary>What the summary job has sent (schema step 5): delivered weekly summaries, so a failed delivery is retried
/// by the next run, and quota reminders, so one is never sent twice for a quota, outlet and period.</summary>
public sealed class SummaryLedger(MonitorDatabase db, TimeProvider time)
{
    public async Task<bool> DeliveredAsync(string planId, string week, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM summary_deliveries WHERE plan_id = $p AND week = $w", ct, null, ("$p", planId), ("$w", week)) > 0;
    }

    public async Task MarkDeliveredAsync(string planId, string week, IEnumerable<string> recipients, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO summary_deliveries (plan_id, week, recipients, delivered_at) VALUES ($p, $w, $r, $now)
            ON CONFLICT DO UPDATE SET recipients = $r, delivered_at = $now
            """, ct, null, ("$p", planId), ("$w", week), ("$r", string.Join(", ", recipients)), ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }

    public async Task<bool> ReminderSentAsync(string planId, int quota, string outlet, DateOnly periodStart, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM quota_reminders WHERE plan_id = $p AND quota = $q AND outlet = $o AND period_start = $s", ct, null,
            ("$p", planId), ("$q", quota), ("$o", outlet), ("$s", Coverage.CoverageRules.Key(periodStart))) > 0;
    }

    public async Task MarkReminderSentAsync(string planId, int quota, string outlet, DateOnly periodStart, IEnumerable<string> recipients, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT OR IGNORE INTO quota_reminders (plan_id, quota, outlet, period_start, recipients, sent_at) VALUES ($p, $q, $o, $s, $r, $now)
            """, ct, null, ("$p", planId), ("$q", quota), ("$o", outlet), ("$s", Coverage.CoverageRules.Key(periodStart)), ("$r", string.Join(", ", recipients)),
            ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }
}
