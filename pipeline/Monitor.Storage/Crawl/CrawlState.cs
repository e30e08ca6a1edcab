using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>Health of one source as the crawler last saw it.</summary>
public sealed record SourceHealth(string Source, DateTimeOffset? LastAttempt, DateTimeOffset? LastSuccess, string? LastError, int Errors, int ArticlesFound);

/// <summary>The crawl frontier (which URLs were seen and fetched) and per-source health, kept in the store so a
/// restart neither refetches nor forgets.</summary>
public sealed partial class CrawlState(MonitorDatabase db, TimeProvider time)
{
    /// <summary>URLs asked about in one statement (the JSON text of the batch is one parameter).</summary>
    private const int UnfetchedChunk = 10_000;

    /// <summary>The URLs among <paramref name="urls"/> not fetched successfully before (and not given up on), in the
    /// order given, each once. One set-based statement per <see cref="UnfetchedChunk"/> URLs, not one per URL: a
    /// 100,000-entry sitemap is 10 statements.</summary>
    public async Task<IReadOnlyList<string>> UnfetchedAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var asked = urls.Distinct(StringComparer.Ordinal).ToList();
        var fresh = new List<string>();
        if (asked.Count == 0)
        {
            return fresh;
        }

        await using var connection = await db.ConnectAsync(ct);
        foreach (var chunk in asked.Chunk(UnfetchedChunk))
        {
            await using var command = connection.Command("""
                SELECT j.value FROM json_each($urls) j LEFT JOIN frontier f ON f.url = j.value
                WHERE f.url IS NULL OR (f.status <> 'fetched' AND f.attempts < $max)
                ORDER BY j.key
                """, null, ("$urls", System.Text.Json.JsonSerializer.Serialize(chunk)), ("$max", MaxAttempts));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                fresh.Add(reader.GetString(0));
            }
        }

        return fresh;
    }

    public async Task MarkAsync(string url, string source, string status, string? articleId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO frontier (url, source, article_id, first_seen, last_fetched, status) VALUES ($url, $source, $id, $now, $now, $status)
            ON CONFLICT (url) DO UPDATE SET article_id = COALESCE($id, article_id), last_fetched = $now, status = $status
            """, ct, null, ("$url", url), ("$source", source), ("$id", articleId), ("$now", now), ("$status", status));
    }

    /// <summary>The outlet a source feeds, so health and gaps need not infer it from the articles it fetched.</summary>
    public async Task RecordOutletAsync(string source, string outlet, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO source_health (source, outlet) VALUES ($s, $o)
            ON CONFLICT (source) DO UPDATE SET outlet = $o WHERE outlet IS NOT $o
            """, ct, null, ("$s", source), ("$o", outlet));
    }

    public async Task RecordSuccessAsync(string source, int articlesFound, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO source_health (source, last_attempt, last_success, articles_found) VALUES ($s, $now, $now, $n)
            ON CONFLICT (source) DO UPDATE SET last_attempt = $now, last_success = $now, articles_found = articles_found + $n
            """, ct, null, ("$s", source), ("$now", now), ("$n", articlesFound));
    }

    public async Task RecordErrorAsync(string source, string error, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var now = ArticleWriter.Iso(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO source_health (source, last_attempt, last_error, last_error_at, errors) VALUES ($s, $now, $e, $now, 1)
            ON CONFLICT (source) DO UPDATE SET last_attempt = $now, last_error = $e, last_error_at = $now, errors = errors + 1
            """, ct, null, ("$s", source), ("$now", now), ("$e", error));
    }

    public async Task<IReadOnlyList<SourceHealth>> HealthAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT source, last_attempt, last_success, last_error, errors, articles_found FROM source_health ORDER BY source");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<SourceHealth>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new SourceHealth(reader.GetString(0), Date(reader.NullableString(1)), Date(reader.NullableString(2)), reader.NullableString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return list;
    }

    private static DateTimeOffset? Date(string? s) => s is null ? null : DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
