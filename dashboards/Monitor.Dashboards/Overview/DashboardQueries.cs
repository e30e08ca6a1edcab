using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Storage;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Overview;

/// <summary>One article as a list shows it, with the plan's themes it counts for.</summary>
public sealed record ListedArticle(string Id, string Title, string Outlet, string? Section, string Day, string Url, IReadOnlyList<string> Themes);

/// <summary>The dashboard's reads from the SQLite store (also when coverage reports come from Elasticsearch, which is
/// fed from it): daily counts with the outlet and section filters, the articles behind a number, outlets and sections.
/// Counts and lists read the same tag rows with the same windows, so a number and its list cannot disagree.</summary>
public sealed class DashboardQueries(MonitorDatabase db)
{
    /// <summary>Articles per theme, Vietnamese day and outlet inside the windows; without a section filter from the
    /// tag_days counts the triggers keep, with one from the tags (their covering index holds the section).</summary>
    public async Task<List<DailyCount>> DailyAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var sql = section is null
            ? "SELECT day, outlet, articles FROM tag_days WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to AND articles > 0 AND ($outlet IS NULL OR outlet = $outlet)"
            : "SELECT day, outlet, COUNT(*) FROM tags WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to AND section = $section AND ($outlet IS NULL OR outlet = $outlet) GROUP BY day, outlet";
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$plan", planId);
        command.Parameters.AddWithValue("$outlet", (object?)outlet ?? DBNull.Value);
        command.Parameters.AddWithValue("$section", (object?)section ?? DBNull.Value);
        var theme = command.Parameters.AddWithValue("$theme", "");
        var from = command.Parameters.AddWithValue("$from", "");
        var to = command.Parameters.AddWithValue("$to", "");
        var rows = new List<DailyCount>();
        foreach (var w in windows.Where(w => string.CompareOrdinal(w.FromKey, w.ToKey) <= 0))
        {
            (theme.Value, from.Value, to.Value) = (w.Code, w.FromKey, w.ToKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new DailyCount(w.Code, reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return rows;
    }

    /// <summary>How many distinct articles the windows hold (an article with two themes counts once), and one page of
    /// them, newest first.</summary>
    public async Task<(int Total, IReadOnlyList<ListedArticle> Page)> ArticlesAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        int offset, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var count = WindowedArticles.Bind(new SqliteCommand($"{WindowedArticles.Cte} SELECT COUNT(*) FROM hits", connection), planId, windows, outlet, section);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (limit <= 0)
        {
            return (total, []);
        }

        await using var page = WindowedArticles.Bind(new SqliteCommand($"""
            {WindowedArticles.Cte}
            SELECT a.id, a.title, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.url,
                   (SELECT json_group_array(theme_code) FROM (SELECT theme_code FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan ORDER BY theme_code))
            FROM hits JOIN articles a ON a.id = hits.id ORDER BY a.published_utc DESC, a.id LIMIT $limit OFFSET $offset
            """, connection), planId, windows, outlet, section);
        page.Parameters.AddWithValue("$limit", limit);
        page.Parameters.AddWithValue("$offset", offset);
        var list = new List<ListedArticle>();
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ListedArticle(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), JsonSerializer.Deserialize<string[]>(reader.GetString(6))!));
        }

        return (total, list);
    }

    /// <summary>Articles by id (a quota's counted list), newest first, with the plan's themes.</summary>
    public async Task<IReadOnlyList<ListedArticle>> ByIdsAsync(string planId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = new SqliteCommand("""
            SELECT a.id, a.title, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.url,
                   (SELECT json_group_array(theme_code) FROM (SELECT theme_code FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan ORDER BY theme_code))
            FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids)) ORDER BY a.published_utc DESC, a.id
            """, connection);
        command.Parameters.AddWithValue("$plan", planId);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        var list = new List<ListedArticle>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ListedArticle(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), JsonSerializer.Deserialize<string[]>(reader.GetString(6))!));
        }

        return list;
    }

    private static readonly TimeSpan SectionsKept = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<string> Sections)> _sections = [];
    private readonly HashSet<string> _refreshing = [];

    /// <summary>The sections (chuyên mục) a plan's tagged articles carry, for the filter. On a large store this reads every
    /// tag of the plan (0.7 s for a million), so it is kept: read on the first request, and once five minutes old it is
    /// answered as it was while one refresh runs beside the requests, so no page waits for it again.</summary>
    public async Task<IReadOnlyList<string>> SectionsAsync(string planId, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        lock (_sections)
        {
            if (_sections.TryGetValue(planId, out var cached))
            {
                if (time.GetUtcNow() - cached.At >= SectionsKept && _refreshing.Add(planId))
                {
                    _ = Task.Run(() => ReadSectionsAsync(planId, time, CancellationToken.None), CancellationToken.None);
                }

                return cached.Sections;
            }
        }

        return await ReadSectionsAsync(planId, time, ct);
    }

    private async Task<IReadOnlyList<string>> ReadSectionsAsync(string planId, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await using var connection = await db.ConnectAsync(ct);
            await using var command = new SqliteCommand("SELECT DISTINCT section FROM tags WHERE plan_id = $plan AND section IS NOT NULL AND section <> '' ORDER BY 1", connection);
            command.Parameters.AddWithValue("$plan", planId);
            var list = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    list.Add(reader.GetString(0));
                }
            }

            lock (_sections)
            {
                _sections[planId] = (time.GetUtcNow(), list);
            }

            return list;
        }
        finally
        {
            lock (_sections)
            {
                _refreshing.Remove(planId);
            }
        }
    }

    /// <summary>The outlets the plan's tags name.</summary>
    public async Task<IReadOnlyList<string>> OutletsAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = new SqliteCommand("SELECT DISTINCT outlet FROM tag_days WHERE plan_id = $plan ORDER BY 1", connection);
        command.Parameters.AddWithValue("$plan", planId);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    /// <summary>New articles per source per Vietnamese day over the last <paramref name="days"/> days (today last),
    /// from the frontier's first sight of each article page.</summary>
    public async Task<IReadOnlyDictionary<string, int[]>> NewArticlesPerDayAsync(int days, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(Core.Time.VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var first = today.AddDays(1 - days);
        await using var connection = await db.ConnectAsync(ct);
        await using var command = new SqliteCommand("""
            SELECT source, date(first_seen, '+7 hours') AS d, COUNT(*) FROM frontier
            WHERE article_id IS NOT NULL AND first_seen >= $since GROUP BY source, d
            """, connection);
        command.Parameters.AddWithValue("$since", Core.Time.VietnamTime.StartOfDay(first).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(1) || !DateOnly.TryParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                continue;
            }

            var i = day.DayNumber - first.DayNumber;
            if (i >= 0 && i < days)
            {
                (result.TryGetValue(reader.GetString(0), out var a) ? a : result[reader.GetString(0)] = new int[days])[i] += reader.GetInt32(2);
            }
        }

        return result;
    }
}
