using System.Globalization;
using System.Text.Json;
using Monitor.Core.Time;
using Monitor.Storage;

namespace Monitor.Dashboards.Search;

/// <summary>What is searched: the words (accents optional), and the filters.</summary>
public sealed record SearchQuery(string Text, string? Outlet = null, DateOnly? From = null, DateOnly? To = null, string? Plan = null, string? Theme = null);

/// <summary>One found article: the title and a snippet of lead and body cut at the matched words, the plan's themes it counts for.</summary>
public sealed record SearchHit(string Id, string Title, string Outlet, string? Section, string Day, string Url, IReadOnlyList<Marked> TitleMarks,
    IReadOnlyList<Marked> Snippet, IReadOnlyList<string> Themes);

/// <summary>How many articles matched, and one page of them.</summary>
public sealed record SearchResults(int Total, int Offset, IReadOnlyList<SearchHit> Hits);

/// <summary>Full-text search over the stored articles: the folded words against the FTS5 table <c>articles_fts</c>
/// (filled with the folded title and lead + body by ArticleWriter, so "ngo doc" and "ngộ độc" find the same articles),
/// every word required, then the filters on the article rows; newest first.</summary>
public sealed class ArticleSearch(MonitorDatabase db)
{
    public const int PageSize = 20;

    /// <summary>Export cap: the most rows a download holds.</summary>
    public const int MaxRows = 10_000;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchMarks.Words(query.Text);
        if (words.Count == 0)
        {
            return new SearchResults(0, 0, []);
        }

        // Folded words hold only letters and digits, so quoting each is the whole FTS5 escaping.
        var match = string.Join(' ', words.Select(w => '"' + w + '"'));
        const string Hits = """
            FROM articles a JOIN (SELECT rowid AS seq FROM articles_fts WHERE articles_fts MATCH $q) f ON a.seq = f.seq
            WHERE ($outlet IS NULL OR a.outlet = $outlet) AND ($from IS NULL OR a.published_utc >= $from) AND ($to IS NULL OR a.published_utc < $to)
              AND ($theme IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan AND t.theme_code = $theme))
            """;
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
            """, null, [.. parameters, ("$limit", limit), ("$offset", offset)]);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var title = reader.GetString(1);
            var body = string.Join("\n", new[] { reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3) }.Where(s => !string.IsNullOrWhiteSpace(s)));
            hits.Add(new SearchHit(reader.GetString(0), title, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? "" : reader.GetString(6), reader.GetString(7), SearchMarks.Cut(title, words), SearchMarks.Snippet(body, words),
                JsonSerializer.Deserialize<string[]>(reader.GetString(8))!));
        }

        return new SearchResults(total, offset, hits);
    }

    /// <summary>The outlets of the stored articles, for the filter.</summary>
    public async Task<IReadOnlyList<string>> OutletsAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT DISTINCT outlet FROM articles ORDER BY 1");
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list.OrderBy(o => o, StringComparer.Ordinal).ToList();
    }

    internal static string Key(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
