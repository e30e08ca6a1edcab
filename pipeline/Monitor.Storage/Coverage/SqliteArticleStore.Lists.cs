using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>The pages' lists: daily counts with the outlet and section filters, the articles behind a number, a quota's
/// counted articles, an outlet's latest articles, the plan's sections and outlets.</summary>
public sealed partial class SqliteArticleStore
{
    /// <summary>The columns every list selects, in <see cref="Listed"/>'s order: id, title, outlet, section, Vietnamese
    /// day, url, the JSON array of the plan's theme codes (<c>$plan</c>).</summary>
    private const string ListedColumns = """
        a.id, a.title, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.url,
               (SELECT json_group_array(theme_code) FROM (SELECT theme_code FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan ORDER BY theme_code))
        """;

    // Without a section filter from the tag_days counts the triggers keep, with one from the tags (their covering index holds the section).
    public async Task<IReadOnlyList<DailyCount>> DailyAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(windows);
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

    public Task<(int Total, IReadOnlyList<ListedArticle> Page)> ListAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        int offset, int limit, CancellationToken ct) => PageAsync(planId, windows, outlet, section is null ? null : [section], offset, limit, ct);

    public async Task<(int Total, IReadOnlyList<ListedArticle> Page)> QuotaListAsync(StoredPlan plan, QuotaStatus quota, DateOnly asOf, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(quota);
        var rule = plan.Plan.Quotas[quota.Quota];
        var windows = CoverageRules.QuotaWindows(plan.Plan, rule, asOf);
        var outlet = quota.Outlet.Length > 0 ? quota.Outlet : null;
        IReadOnlyList<string>? column = null;
        if (quota.Section is not null)
        {
            // The column the count chose among the sections its articles carry (CoverageAnswers.QuotasAsync): a column's few.
            await using var connection = await db.ConnectAsync(ct);
            await using var sections = WindowedArticles.Bind(new SqliteCommand($"""
                {WindowedArticles.Cte}
                SELECT DISTINCT t.section FROM hits JOIN tags t ON t.article_id = hits.id AND t.plan_id = $plan WHERE t.section IS NOT NULL
                """, connection), plan.Id, windows, outlet);
            column = CoverageRules.ColumnSections(plan.Plan, rule, await StringsAsync(sections, ct));
        }

        return await PageAsync(plan.Id, windows, outlet, column, offset, limit, ct);
    }

    private async Task<(int Total, IReadOnlyList<ListedArticle> Page)> PageAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet,
        IReadOnlyCollection<string>? sections, int offset, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var count = WindowedArticles.Bind(new SqliteCommand($"{WindowedArticles.Cte} SELECT COUNT(*) FROM hits", connection), planId, windows, outlet, sections: sections);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (limit <= 0)
        {
            return (total, []);
        }

        // A hit's day is the Vietnamese day of its published_utc, so the page's articles are all on or after the day of the
        // (offset + limit)-th hit by day, newest first: only those articles are read and sorted, not every hit (a quota
        // period of an outlet holds 6,000 of them; its 20 newest lie in its last day).
        await using var page = WindowedArticles.Bind(new SqliteCommand($"""
            {WindowedArticles.Cte},
            cut(day) AS (SELECT day FROM hits ORDER BY day DESC LIMIT 1 OFFSET $offset + $limit - 1)
            SELECT {ListedColumns}
            FROM hits JOIN articles a ON a.id = hits.id WHERE hits.day >= coalesce((SELECT day FROM cut), '')
            ORDER BY a.published_utc DESC, a.id LIMIT $limit OFFSET $offset
            """, connection), planId, windows, outlet, sections: sections);
        page.Parameters.AddWithValue("$limit", limit);
        page.Parameters.AddWithValue("$offset", offset);
        return (total, await ListedAsync(page, ct));
    }

    public async Task<IReadOnlyList<(string Day, int Articles)>> PerDayAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        // hits are distinct per (outlet, day, article) and an article has one outlet: its rows per day are its articles.
        await using var command = WindowedArticles.Bind(new SqliteCommand($"{WindowedArticles.Cte} SELECT day, COUNT(*) FROM hits GROUP BY day ORDER BY day", connection),
            planId, windows, outlet, section);
        var days = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            days.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return days;
    }

    public async Task<IReadOnlyList<ListedArticle>> ByIdsAsync(string planId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT {ListedColumns}
            FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids)) ORDER BY a.published_utc DESC, a.id
            """, null, ("$plan", planId), ("$ids", JsonSerializer.Serialize(ids)));
        return await ListedAsync(command, ct);
    }

    // The newest end of a range of articles_outlet_published: an article's week is the Vietnamese ISO week of its
    // published_utc, so the weeks are a range of that column from the first week's Monday, and the first `limit` entries
    // read backwards are the answer (the week range of articles_outlet_week read and sorted 24,000 articles of a large
    // outlet: 50 ms of the outlet page).
    public async Task<IReadOnlyList<ListedArticle>> RecentAsync(string planId, string outlet, string fromWeek, string toWeek, long beforeUtcMs, int limit, CancellationToken ct)
    {
        var startMs = Core.Time.VietnamTime.StartOfDay(Core.Time.IsoWeek.Parse(fromWeek).Monday).ToUnixTimeMilliseconds();
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT {ListedColumns}
            FROM articles a INDEXED BY articles_outlet_published
            WHERE a.outlet = $outlet AND a.published_utc >= $start AND a.published_utc < $end AND a.week BETWEEN $from AND $to
            ORDER BY a.published_utc DESC, a.id LIMIT $limit
            """, null, ("$plan", planId), ("$outlet", outlet), ("$from", fromWeek), ("$to", toWeek), ("$start", startMs), ("$end", beforeUtcMs), ("$limit", limit));
        return await ListedAsync(command, ct);
    }

    // Reads every tag of the plan (0.7 s for a million): the dashboard keeps the answer (DashboardQueries).
    public async Task<IReadOnlyList<string>> SectionsAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT DISTINCT section FROM tags WHERE plan_id = $plan AND section IS NOT NULL AND section <> '' ORDER BY 1", null, ("$plan", planId));
        return await StringsAsync(command, ct);
    }

    public async Task<IReadOnlyList<string>> OutletsAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT DISTINCT outlet FROM tag_days WHERE plan_id = $plan ORDER BY 1", null, ("$plan", planId));
        return await StringsAsync(command, ct);
    }

    private static async Task<IReadOnlyList<ListedArticle>> ListedAsync(SqliteCommand command, CancellationToken ct)
    {
        var list = new List<ListedArticle>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(Listed(reader));
        }

        return list;
    }

    private static ListedArticle Listed(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), JsonSerializer.Deserialize<string[]>(reader.GetString(6))!);

    private static async Task<IReadOnlyList<string>> StringsAsync(SqliteCommand command, CancellationToken ct)
    {
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
