using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Plans;

/// <summary>A re-tag run as the store keeps it (schema step 15): the plan version, who started it and when, articles
/// done of the total, and its end. State: running, done, failed, or interrupted (its process stopped or vanished).</summary>
public sealed record RetagJob(long Id, string Plan, int Version, string StartedBy, DateTimeOffset Started, string State, long Done, long Total,
    DateTimeOffset Heartbeat, DateTimeOffset? Finished, string? Message);

/// <summary>The states of a <see cref="RetagJob"/>, as stored and as the API says them.</summary>
public static class RetagState
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";
}

/// <summary>The re-tag jobs of the dashboard, in SQLite beside the plans, so every web process over the store sees the
/// same jobs and a restart forgets none. A running job's process writes a heartbeat (with its progress, and on a timer
/// between); one whose heartbeat is older than <paramref name="staleAfter"/> was left behind by a process that stopped
/// without saying so, and reads as interrupted (and is marked so when the next run of its plan starts).</summary>
public sealed class RetagJobStore(MonitorDatabase db, TimeProvider time, TimeSpan staleAfter)
{
    private const string Columns = "id, plan_id, plan_version, started_by, started_at, state, done, total, heartbeat_at, finished_at, message";

    /// <summary>How long a running job may go without a heartbeat before it reads as interrupted.</summary>
    public TimeSpan StaleAfter => staleAfter;

    /// <summary>Starts a job for the plan version unless one is running (that one is returned, Started false). A running
    /// job left behind is marked interrupted first.</summary>
    public async Task<(RetagJob Job, bool Started)> StartAsync(string planId, int version, string user, CancellationToken ct)
    {
        // To the millisecond, as stored: the job returned equals the job read back.
        var clock = time.GetUtcNow();
        var now = new DateTimeOffset(clock.Ticks - (clock.Ticks % TimeSpan.TicksPerMillisecond), clock.Offset);
        await using var connection = await db.ConnectAsync(ct);
        // An immediate transaction (Microsoft.Data.Sqlite's default): two processes starting at once are serialised, and
        // the unique index on running jobs would refuse a second anyway.
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("UPDATE retag_jobs SET state = 'interrupted', finished_at = heartbeat_at, message = NULL WHERE plan_id = $plan AND state = 'running' AND heartbeat_at < $stale",
            ct, tx, ("$plan", planId), ("$stale", ArticleWriter.Iso(now - staleAfter)));
        if (await ReadAsync(connection, tx, "WHERE plan_id = $plan AND state = 'running'", ct, ("$plan", planId)) is { } running)
        {
            return (running, false);
        }

        var id = await connection.ScalarAsync<long>("""
            INSERT INTO retag_jobs (plan_id, plan_version, started_by, started_at, state, heartbeat_at) VALUES ($plan, $version, $user, $now, 'running', $now)
            RETURNING id
            """, ct, tx, ("$plan", planId), ("$version", version), ("$user", user), ("$now", ArticleWriter.Iso(now)));
        await tx.CommitAsync(ct);
        return (new RetagJob(id, planId, version, user, now, RetagState.Running, 0, 0, now, null, null), true);
    }

    /// <summary>Records progress (and the heartbeat) of a running job.</summary>
    public Task ProgressAsync(long id, long done, long total, CancellationToken ct) => ProgressAsync(id, done, total, null, ct);

    /// <summary>Records progress (and the heartbeat) of a running job, with the line shown while it runs (null: the
    /// page's own "running" words), e.g. how many pairs the language model has reviewed so far.</summary>
    public async Task ProgressAsync(long id, long done, long total, string? message, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("UPDATE retag_jobs SET done = $done, total = $total, message = $message, heartbeat_at = $now WHERE id = $id AND state = 'running'", ct, null,
            ("$id", id), ("$done", done), ("$total", total), ("$message", message), ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }

    /// <summary>Ends a running job: done, failed or interrupted, with the line the user reads.</summary>
    public async Task FinishAsync(long id, string state, string message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("UPDATE retag_jobs SET state = $state, message = $message, finished_at = $now, heartbeat_at = $now WHERE id = $id AND state = 'running'", ct, null,
            ("$id", id), ("$state", state), ("$message", message), ("$now", now));
    }

    /// <summary>The plan's latest job, or null; a running job without a heartbeat for <see cref="StaleAfter"/> reads as
    /// interrupted (finished at its last heartbeat, without the line it showed while running).</summary>
    public async Task<RetagJob?> LatestAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var job = await ReadAsync(connection, null, "WHERE plan_id = $plan ORDER BY id DESC LIMIT 1", ct, ("$plan", planId));
        return job is { State: RetagState.Running } && job.Heartbeat < time.GetUtcNow() - staleAfter
            ? job with { State = RetagState.Interrupted, Finished = job.Heartbeat, Message = null }
            : job;
    }

    private static async Task<RetagJob?> ReadAsync(SqliteConnection connection, SqliteTransaction? tx, string where, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM retag_jobs {where}", tx, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        static DateTimeOffset At(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
        return new RetagJob(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), At(reader.GetString(4)), reader.GetString(5),
            reader.GetInt64(6), reader.GetInt64(7), At(reader.GetString(8)), reader.NullableString(9) is { } f ? At(f) : null, reader.NullableString(10));
    }
}
