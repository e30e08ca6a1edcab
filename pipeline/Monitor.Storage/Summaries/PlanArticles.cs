using System.Globalization;
using System.Text.Json;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Summaries;

/// <summary>A tagged article of a plan as the summaries read it: one row per theme, the day it counts on (Vietnamese).</summary>
public sealed record TaggedArticle(string Id, string Theme, string Outlet, string? Section, DateOnly Day);

/// <summary>What a list of articles shows: title, link (the canonical URL, without tracking parameters), publication time.</summary>
public sealed record ArticleHeading(string Id, string Outlet, string? Section, string Title, string Url, DateTimeOffset? Published);

/// <summary>The article-level reads of the weekly summary and the results report, from the SQLite store (the store of
/// record for articles even when coverage answers from Elasticsearch): tagged rows of a range, near-duplicate links
/// between them, headings, and the document numbers they cite. Counts per theme and outlet come from <see cref="ICoverageStore"/>.</summary>
public sealed class PlanArticles(MonitorDatabase db)
{
    /// <summary>Tag rows of the plan inside each theme's window narrowed to [from, to] (a covering index range per theme).</summary>
    public async Task<IReadOnlyList<TaggedArticle>> TaggedAsync(StoredPlan plan, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = new List<TaggedArticle>();
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT article_id, outlet, section, day FROM tags INDEXED BY tags_theme_day
            WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to
            """, null, ("$plan", plan.Id), ("$theme", ""), ("$from", ""), ("$to", ""));
        foreach (var w in CoverageRules.Windows(plan.Plan, from, to))
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

    /// <summary>Distinct articles of the plan inside each theme's window narrowed to [from, to], counted in the store
    /// (<see cref="WindowedArticles"/>: one ordered pass per outlet).</summary>
    public async Task<int> CountAsync(StoredPlan plan, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await db.ConnectAsync(ct);
        await using var command = WindowedArticles.Bind(connection.Command($"{WindowedArticles.Cte} SELECT COUNT(*) FROM hits"), plan.Id, CoverageRules.Windows(plan.Plan, from, to));
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    // A stored day key, "yyyy-MM-dd": read by position (a week of tag rows is 70,000 of them).
    private static DateOnly Day(string key) => key.Length == 10
        ? new DateOnly(int.Parse(key.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(key.AsSpan(5, 2), CultureInfo.InvariantCulture), int.Parse(key.AsSpan(8, 2), CultureInfo.InvariantCulture))
        : DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The last Vietnamese day with a tagged article of the plan (any theme), or null.</summary>
    public async Task<DateOnly?> LastDayAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var day = await connection.ScalarAsync<string?>("SELECT MAX(day) FROM tag_days WHERE plan_id = $plan", ct, null, ("$plan", planId));
        return day is null ? null : DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Near-duplicate links (article, duplicate of) whose two ends are both among <paramref name="ids"/>.</summary>
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

    /// <summary>Title, link and publication time of the given articles, by id.</summary>
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

    /// <summary>Document numbers cited by the plan's articles inside the windows narrowed to [from, to], with the number
    /// of distinct articles citing each, most cited first.</summary>
    public async Task<IReadOnlyList<(string Number, int Articles)>> ReferencesAsync(StoredPlan plan, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await db.ConnectAsync(ct);
        // The distinct articles (WindowedArticles), then each one's references by primary key.
        await using var command = WindowedArticles.Bind(connection.Command($"""
            {WindowedArticles.Cte}
            SELECT r.number, COUNT(*) FROM hits JOIN article_references r ON r.article_id = hits.id GROUP BY r.number ORDER BY 2 DESC, 1
            """), plan.Id, CoverageRules.Windows(plan.Plan, from, to));
        var list = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }
}
