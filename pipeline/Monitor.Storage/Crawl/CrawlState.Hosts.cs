using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>A host the fetcher paused after repeated failures.</summary>
public sealed record PausedHost(string Host, DateTimeOffset Until, int Failures, string? LastError);

// Hosts (failures in a row, pauses) and HTTP validators for conditional GET.
public sealed partial class CrawlState
{
    public async Task<DateTimeOffset?> HostPausedUntilAsync(string host, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return Date(await connection.ScalarAsync<string>("SELECT paused_until FROM host_health WHERE host = $h", ct, null, ("$h", host)));
    }

    public async Task RecordHostSuccessAsync(string host, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("UPDATE host_health SET failures = 0, paused_until = NULL WHERE host = $h AND (failures > 0 OR paused_until IS NOT NULL)", ct, null, ("$h", host));
    }

    /// <summary>Counts one more failure in a row; at <paramref name="threshold"/> the host is paused and the end of the pause returned.</summary>
    public async Task<DateTimeOffset?> RecordHostFailureAsync(string host, string error, int threshold, TimeSpan pauseFor, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = time.GetUtcNow();
        var failures = await connection.ScalarAsync<long>("""
            INSERT INTO host_health (host, failures, last_error, last_failure_at) VALUES ($h, 1, $e, $now)
            ON CONFLICT (host) DO UPDATE SET failures = failures + 1, last_error = $e, last_failure_at = $now
            RETURNING failures
            """, ct, null, ("$h", host), ("$e", error), ("$now", ArticleWriter.Iso(now)));
        if (failures < threshold)
        {
            return null;
        }

        var until = now + pauseFor;
        await connection.ExecuteAsync("UPDATE host_health SET paused_until = $u WHERE host = $h", ct, null, ("$h", host), ("$u", ArticleWriter.Iso(until)));
        return until;
    }

    public async Task PauseHostAsync(string host, DateTimeOffset until, string error, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO host_health (host, failures, paused_until, last_error, last_failure_at) VALUES ($h, 1, $u, $e, $now)
            ON CONFLICT (host) DO UPDATE SET failures = failures + 1, paused_until = $u, last_error = $e, last_failure_at = $now
            """, ct, null, ("$h", host), ("$u", ArticleWriter.Iso(until)), ("$e", error), ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }

    public async Task<IReadOnlyList<PausedHost>> PausedHostsAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT host, paused_until, failures, last_error FROM host_health WHERE paused_until > $now ORDER BY host", null, ("$now", ArticleWriter.Iso(time.GetUtcNow())));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<PausedHost>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new PausedHost(reader.GetString(0), Date(reader.GetString(1))!.Value, reader.GetInt32(2), reader.NullableString(3)));
        }

        return list;
    }

    public async Task<(string? ETag, string? LastModified)> ValidatorsAsync(string url, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT etag, last_modified FROM http_validators WHERE url = $u", null, ("$u", url));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.NullableString(0), reader.NullableString(1)) : (null, null);
    }

    public async Task SaveValidatorsAsync(string url, string? etag, string? lastModified, CancellationToken ct)
    {
        if (etag is null && lastModified is null)
        {
            return;
        }

        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO http_validators (url, etag, last_modified, checked_at) VALUES ($u, $e, $l, $now)
            ON CONFLICT (url) DO UPDATE SET etag = $e, last_modified = $l, checked_at = $now
            """, ct, null, ("$u", url), ("$e", etag), ("$l", lastModified), ("$now", ArticleWriter.Iso(time.GetUtcNow())));
    }
}
