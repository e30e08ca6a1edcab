using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>A link between two articles of different outlets that carry the same story.</summary>
public sealed record NearDuplicate(string ArticleId, string DuplicateOf, int Distance);

/// <summary>Article fingerprints (SimHash) and the near-duplicate links found among them, so that reports can count a
/// syndicated story once. An article is compared with the other outlets' articles published within a few days.</summary>
public sealed class NearDuplicates(MonitorDatabase db, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(3);

    /// <summary>Stores the fingerprint and links the article to every close one of another outlet; returns the links made.</summary>
    public async Task<IReadOnlyList<NearDuplicate>> AddAsync(string articleId, string outlet, long simhash, DateTimeOffset published, int threshold, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var links = new List<NearDuplicate>();
        await using (var command = connection.Command("""
            SELECT article_id, simhash FROM fingerprints
            WHERE outlet <> $o AND article_id <> $id AND published_utc BETWEEN $from AND $to
            """, null, ("$o", outlet), ("$id", articleId), ("$from", (published - Window).ToUnixTimeMilliseconds()), ("$to", (published + Window).ToUnixTimeMilliseconds())))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var distance = System.Numerics.BitOperations.PopCount(unchecked((ulong)(reader.GetInt64(1) ^ simhash)));
                if (distance <= threshold)
                {
                    links.Add(new NearDuplicate(articleId, reader.GetString(0), distance));
                }
            }
        }

        await connection.ExecuteAsync("""
            INSERT INTO fingerprints (article_id, outlet, simhash, published_utc) VALUES ($id, $o, $h, $p)
            ON CONFLICT (article_id) DO UPDATE SET simhash = $h, published_utc = $p
            """, ct, null, ("$id", articleId), ("$o", outlet), ("$h", simhash), ("$p", published.ToUnixTimeMilliseconds()));
        foreach (var link in links)
        {
            await connection.ExecuteAsync("INSERT OR IGNORE INTO near_duplicates (article_id, duplicate_of, distance, found_at) VALUES ($a, $b, $d, $now)", ct, null,
                ("$a", link.ArticleId), ("$b", link.DuplicateOf), ("$d", link.Distance), ("$now", ArticleWriter.Iso(time.GetUtcNow())));
        }

        return links;
    }

    /// <summary>The links of one article, either direction, each as (this article, the other, distance).</summary>
    public async Task<IReadOnlyList<NearDuplicate>> OfAsync(string articleId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT duplicate_of, distance FROM near_duplicates WHERE article_id = $id
            UNION SELECT article_id, distance FROM near_duplicates WHERE duplicate_of = $id
            """, null, ("$id", articleId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<NearDuplicate>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new NearDuplicate(articleId, reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }

    /// <summary>The articles each of <paramref name="ids"/> was found to copy (the links the crawler made when it fetched
    /// it), ordinal order; an article with none is left out. What a writer of the articles index puts in <c>duplicate_of</c>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CopiedAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var links = new List<(string Article, string Of)>();
        if (ids.Count > 0)
        {
            await using var connection = await db.ConnectAsync(ct);
            await using var command = connection.Command("SELECT article_id, duplicate_of FROM near_duplicates WHERE article_id IN (SELECT value FROM json_each($ids))",
                null, ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                links.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return links.GroupBy(l => l.Article, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Of).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<NearDuplicate>> LinksAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT article_id, duplicate_of, distance FROM near_duplicates ORDER BY article_id, duplicate_of");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<NearDuplicate>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new NearDuplicate(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return list;
    }
}
