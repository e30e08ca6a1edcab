using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Text;

namespace Monitor.Storage.Articles;

/// <summary>Reads stored articles: by id, counts, and full-text search on the folded key.</summary>
public sealed class ArticleReader(MonitorDatabase db)
{
    private const string Columns = "id, url, canonical_url, outlet, section, title, description, text, published, modified, author, language, fetched_at, content_hash";

    public async Task<Article?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM articles WHERE id = $id", null, ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM articles", ct);
    }

    /// <summary>The stored version number of an article (1 when never changed), or 0 when absent.</summary>
    public async Task<long> VersionAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT version FROM articles WHERE id = $id", ct, null, ("$id", id));
    }

    /// <summary>Articles whose folded text holds every word of the folded query (accents optional, đ = d).</summary>
    public async Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var words = VietnameseFolding.Key(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var match = string.Join(' ', words.Select(w => '"' + w + '"'));
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Columns} FROM articles WHERE seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $q ORDER BY rank LIMIT $limit)
            """, null, ("$q", match), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<Article>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <summary>Every stored article, oldest first, for re-tagging and export.</summary>
    public async IAsyncEnumerable<Article> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM articles ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    /// <summary>How many stored articles were published in [from, to) (either end open when null).</summary>
    public async Task<long> CountPublishedAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM articles WHERE published_utc >= $from AND published_utc < $to", ct, null,
            ("$from", from?.ToUnixTimeMilliseconds() ?? long.MinValue), ("$to", to?.ToUnixTimeMilliseconds() ?? long.MaxValue));
    }

    /// <summary>One page of the articles published in [from, to), in store order after <paramref name="afterSeq"/>,
    /// with their sequence numbers so the next page starts where this one ended (re-tagging walks the store this way).</summary>
    public async Task<IReadOnlyList<(long Seq, Article Article)>> PublishedPageAsync(DateTimeOffset? from, DateTimeOffset? to, long afterSeq, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Columns}, seq FROM articles WHERE seq > $after AND published_utc >= $from AND published_utc < $to ORDER BY seq LIMIT $limit
            """, null, ("$after", afterSeq), ("$from", from?.ToUnixTimeMilliseconds() ?? long.MinValue),
            ("$to", to?.ToUnixTimeMilliseconds() ?? long.MaxValue), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<(long, Article)>();
        while (await reader.ReadAsync(ct))
        {
            page.Add((reader.GetInt64(14), Read(reader)));
        }

        return page;
    }

    /// <summary>The newest <paramref name="limit"/> articles published in [from, to), newest stored first (what the
    /// relevance learner takes as the tagger's own examples).</summary>
    public async Task<IReadOnlyList<Article>> NewestPublishedAsync(DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Columns} FROM articles WHERE published_utc >= $from AND published_utc < $to ORDER BY seq DESC LIMIT $limit
            """, null, ("$from", from?.ToUnixTimeMilliseconds() ?? long.MinValue), ("$to", to?.ToUnixTimeMilliseconds() ?? long.MaxValue), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var articles = new List<Article>();
        while (await reader.ReadAsync(ct))
        {
            articles.Add(Read(reader));
        }

        return articles;
    }

    private static Article Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Url = r.GetString(1),
        CanonicalUrl = r.GetString(2),
        Outlet = r.GetString(3),
        Section = r.NullableString(4),
        Title = r.GetString(5),
        Description = r.NullableString(6),
        Text = r.GetString(7),
        Published = Date(r.NullableString(8)),
        Modified = Date(r.NullableString(9)),
        Author = r.NullableString(10),
        Language = r.NullableString(11),
        FetchedAt = Date(r.GetString(12)) ?? default,
        ContentHash = r.GetString(13),
    };

    private static DateTimeOffset? Date(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
