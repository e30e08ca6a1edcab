using System.Globalization;
using System.Text.Json;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;

namespace Monitor.Storage.Coverage;

/// <summary>The articles behind the numbers from the embedded SQLite store (<see cref="IArticleStore"/>). This part: the
/// weekly summary's and the results report's reads (tagged rows of a range, near-duplicate links between them, headings,
/// the document numbers they cite); the pages' lists and the article page are the other parts.</summary>
public sealed partial class SqliteArticleStore(MonitorDatabase db) : IArticleStore
{
    // A covering index range per theme.
    public async Task<IReadOnlyList<TaggedArticle>> TaggedAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = new List<TaggedArticle>();
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT article_id, outlet, section, day FROM tags INDEXED BY tags_theme_day
            WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to
            """, null, ("$plan", plan.Id), ("$theme", ""), ("$from", ""), ("$to", ""));
        foreach (var w in CoverageRules.Windows(plan.Plan, first, last))
        {
            (command.Parameters["$theme"].Value, command.Parameters["$from"].Value, command.Parameters["$to"].Value) = (w.Code, w.FromKey, w.ToKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new TaggedArticle(reader.GetString(0), w.Code, reader.IsDBNull(1) ? "" : reader.GetString(1), reader.NullableString(2), Day(reader.GetString(3))));
            }
        }

        return rows;
    }

    // Counted in the store (WindowedArticles: one ordered pass per outlet).
    public async Task<int> CountAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await db.ConnectAsync(ct);
        await using var command = WindowedArticles.Bind(connection.Command($"{WindowedArticles.Cte} SELECT COUNT(*) FROM hits"), plan.Id, CoverageRules.Windows(plan.Plan, first, last));
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    // A stored day key, "yyyy-MM-dd": read by position (a week of tag rows is 70,000 of them).
    private static DateOnly Day(string key) => key.Length == 10
        ? new DateOnly(int.Parse(key.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(key.AsSpan(5, 2), CultureInfo.InvariantCulture), int.Parse(key.AsSpan(8, 2), CultureInfo.InvariantCulture))
        : DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<DateOnly?> LastDayAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var day = await connection.ScalarAsync<string?>("SELECT MAX(day) FROM tag_days WHERE plan_id = $plan", ct, null, ("$plan", planId));
        return day is null ? null : DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<(string A, string B)>> LinksAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            WITH s(id) AS (SELECT value FROM json_each($ids))
            SELECT n.article_id, n.duplicate_of FROM s JOIN near_duplicates n ON n.article_id = s.id WHERE n.duplicate_of IN (SELECT id FROM s)
            """, null, ("$ids", JsonSerializer.Serialize(ids)));
        var links = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            links.Add((reader.GetString(0), reader.GetString(1)));
        }

        return links;
    }

    public async Task<IReadOnlyDictionary<string, ArticleHeading>> HeadingsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, ArticleHeading>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT a.id, a.outlet, a.section, a.title, a.canonical_url, a.published FROM json_each($ids) s JOIN articles a ON a.id = s.value
            """, null, ("$ids", JsonSerializer.Serialize(ids)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = new ArticleHeading(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3), reader.GetString(4),
                reader.NullableString(5) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null);
        }

        return found;
    }

    public async Task<IReadOnlyList<(string Number, int Articles)>> ReferencesAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await db.ConnectAsync(ct);
        // The distinct articles (WindowedArticles), then each one's references by primary key.
        await using var command = WindowedArticles.Bind(connection.Command($"""
            {WindowedArticles.Cte}
            SELECT r.number, COUNT(*) FROM hits JOIN article_references r ON r.article_id = hits.id GROUP BY r.number ORDER BY 2 DESC, 1
            """), plan.Id, CoverageRules.Windows(plan.Plan, first, last));
        var list = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }
}
