using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>A fetched URL due for another look (to catch an edit), with the content hash it had.</summary>
public sealed record RevisitDue(string Url, string? ContentHash);

// Frontier details: fetched/failed marks with date and hash, revisits, crawl events for health.
public sealed partial class CrawlState
{
    /// <summary>Failed URLs are tried again on later runs, this many times in all.</summary>
    public const int MaxAttempts = 3;

    public async Task MarkFetchedAsync(string url, string source, string articleId, DateTimeOffset? published, string contentHash, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO frontier (url, source, article_id, first_seen, last_fetched, status, published_utc, content_hash, attempts)
            VALUES ($url, $source, $id, $now, $now, 'fetched', $pub, $hash, 1)
            ON CONFLICT (url) DO UPDATE SET article_id = $id, last_fetched = $now, status = 'fetched', published_utc = COALESCE($pub, published_utc),
                content_hash = $hash, attempts = attempts + 1
            """, ct, null, ("$url", url), ("$source", source), ("$id", articleId), ("$now", now), ("$pub", published?.ToUnixTimeMilliseconds()), ("$hash", contentHash));
    }

    public async Task MarkFailedAsync(string url, string source, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO frontier (url, source, first_seen, last_fetched, status, attempts) VALUES ($url, $source, $now, $now, 'failed', 1)
            ON CONFLICT (url) DO UPDATE SET last_fetched = $now, attempts = attempts + 1,
                status = CASE WHEN status = 'fetched' THEN status ELSE 'failed' END
            """, ct, null, ("$url", url), ("$source", source), ("$now", now));
    }

    /// <summary>Records pages a run found but left for the next (its page budget was spent); a URL already in the
    /// frontier keeps what it has.</summary>
    public async Task MarkPendingAsync(IEnumerable<string> urls, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        foreach (var url in urls)
        {
            await connection.ExecuteAsync("""
                INSERT INTO frontier (url, source, first_seen, status, attempts) VALUES ($url, $source, $now, 'pending', 0)
                ON CONFLICT (url) DO NOTHING
                """, ct, tx, ("$url", url), ("$source", source), ("$now", now));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Up to <paramref name="limit"/> pages of <paramref name="source"/> left for a later run, oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(string source, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command(
            "SELECT url FROM frontier WHERE source = $s AND status = 'pending' ORDER BY first_seen, url LIMIT $limit", null, ("$s", source), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var urls = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            urls.Add(reader.GetString(0));
        }

        return urls;
    }

    /// <summary>Fetched URLs of <paramref name="source"/> published within <paramref name="window"/> and not looked at
    /// for <paramref name="every"/>: a revisit catches corrections.</summary>
    public async Task<IReadOnlyList<RevisitDue>> DueForRevisitAsync(string source, TimeSpan window, TimeSpan every, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = time.GetUtcNow();
        await using var command = connection.Command("""
            SELECT url, content_hash FROM frontier
            WHERE source = $s AND status = 'fetched' AND published_utc >= $since AND last_fetched < $before
            ORDER BY published_utc DESC LIMIT $limit
            """, null, ("$s", source), ("$since", (now - window).ToUnixTimeMilliseconds()), ("$before", ArticleWriter.Iso(now - every)), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<RevisitDue>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RevisitDue(reader.GetString(0), reader.NullableString(1)));
        }

        return list;
    }

    /// <summary>Publication dates known for fetched URLs (a back-fill stops paging when a page is older than its date).</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> PublishedAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        await using var connection = await db.ConnectAsync(ct);
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var url in urls.Distinct())
        {
            if (await connection.ScalarAsync<long?>("SELECT published_utc FROM frontier WHERE url = $u AND status = 'fetched'", ct, null, ("$u", url)) is { } ms)
            {
                found[url] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
        }

        return found;
    }

    /// <summary>One event of a crawl for source health: an error by kind, or an extraction failure.</summary>
    public async Task RecordEventAsync(string source, string kind, string? message, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("INSERT INTO crawl_events (source, at, kind, message) VALUES ($s, $now, $k, $m)", ct, null,
            ("$s", source), ("$now", ArticleWriter.Iso(time.GetUtcNow())), ("$k", kind), ("$m", message));
    }
}
