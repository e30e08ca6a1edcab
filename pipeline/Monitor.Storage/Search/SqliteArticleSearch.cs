using System.Text.Json;
using Monitor.Core.Time;

namespace Monitor.Storage.Search;

/// <summary>Search on the embedded store: the folded words against the FTS5 table <c>articles_fts</c> (filled with the
/// folded title and lead + body by ArticleWriter), every word required, then the filters on the article rows; newest first.</summary>
public sealed class SqliteArticleSearch(MonitorDatabase db) : IArticleSearch
{
    private const string Hits = """
        FROM articles a JOIN (SELECT rowid AS seq FROM articles_fts WHERE articles_fts MATCH $q) f ON a.seq = f.seq
        WHERE ($outlet IS NULL OR a.outlet = $outlet) AND ($from IS NULL OR a.published_utc >= $from) AND ($to IS NULL OR a.published_utc < $to)
          AND ($theme IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan AND t.theme_code = $theme))
        """;

    public async Task<(int Total, IReadOnlyList<FoundArticle> Page)> SearchAsync(ArticleQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Words.Count == 0)
        {
            return (0, []);
        }

        // Folded words hold only letters and digits, so quoting each is the whole FTS5 escaping.
        var match = string.Join(' ', query.Words.Select(w => '"' + w + '"'));
        (string, object?)[] parameters =
        [
            ("$q", match), ("$outlet", query.Outlet), ("$plan", query.Plan), ("$theme", query.Theme),
            ("$from", query.From is { } f ? VietnamTime.StartOfDay(f).ToUnixTimeMilliseconds() : null),
            ("$to", query.To is { } t ? VietnamTime.StartOfDay(t.AddDays(1)).ToUnixTimeMilliseconds() : null),
        ];
        await using var connection = await db.ConnectAsync(ct);
        var total = (int)await connection.ScalarAsync<long>("SELECT COUNT(*) " + Hits, ct, null, parameters);
        await using var command = connection.Command($"""
            SELECT a.id, a.title, a.description, a.text, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.url,
                   (SELECT json_group_array(theme_code) FROM (SELECT theme_code FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan ORDER BY theme_code))
            {Hits}
            ORDER BY a.published_utc DESC, a.id LIMIT $limit OFFSET $offset
            """, null, [.. parameters, ("$limit", limit), ("$offset", Math.Max(0, offset))]);
        var page = new List<FoundArticle>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            page.Add(new FoundArticle(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3), reader.GetString(4),
                reader.NullableString(5), reader.NullableString(6) ?? "", reader.GetString(7), JsonSerializer.Deserialize<string[]>(reader.GetString(8))!));
        }

        return (total, page);
    }

    public async Task<IReadOnlyList<string>> OutletsAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT DISTINCT outlet FROM articles");
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list.Order(StringComparer.Ordinal).ToList();
    }
}
