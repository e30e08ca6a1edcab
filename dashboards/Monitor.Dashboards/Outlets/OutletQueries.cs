using Monitor.Dashboards.Overview;
using Monitor.Storage;

namespace Monitor.Dashboards.Outlets;

/// <summary>The outlet page's read of the store: an outlet's latest articles with the plan's themes they counted for.</summary>
public sealed class OutletQueries(MonitorDatabase db)
{
    /// <summary>The outlet's articles of the ISO weeks [<paramref name="fromWeek"/>, <paramref name="toWeek"/>] up to the end
    /// of <paramref name="toUtcMs"/>, newest first (a range of the articles_outlet_week index, then a sort of that range).</summary>
    public async Task<IReadOnlyList<ListedArticle>> RecentAsync(string planId, string outlet, string fromWeek, string toWeek, long toUtcMs, int limit, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT a.id, a.title, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.url,
                   (SELECT json_group_array(theme_code) FROM (SELECT theme_code FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan ORDER BY theme_code))
            FROM articles a WHERE a.outlet = $outlet AND a.week BETWEEN $from AND $to AND a.published_utc < $end
            ORDER BY a.published_utc DESC, a.id LIMIT $limit
            """, null, ("$plan", planId), ("$outlet", outlet), ("$from", fromWeek), ("$to", toWeek), ("$end", toUtcMs), ("$limit", limit));
        var list = new List<ListedArticle>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(ListedArticleRow.Read(reader));
        }

        return list;
    }
}
