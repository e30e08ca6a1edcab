using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Storage;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Overview;

/// <summary>The dashboard's reads: daily counts with the outlet and section filters, the articles behind a number,
/// outlets and sections through the store's <see cref="IArticleStore"/> (SQLite embedded, Elasticsearch scaled out), so
/// a number and its list read the same tags with the same windows; the crawler's new articles per day from the
/// frontier, which is the crawler's SQLite in every deployment.</summary>
public sealed class DashboardQueries(MonitorDatabase db, IArticleStore articles)
{
    /// <summary>Articles per theme, Vietnamese day and outlet inside the windows.</summary>
    public async Task<List<DailyCount>> DailyAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct) =>
        await articles.DailyAsync(planId, windows, outlet, section, ct) switch { List<DailyCount> list => list, var other => [.. other] };

    /// <summary>How many distinct articles the windows hold (an article with two themes counts once), and one page of
    /// them, newest first.</summary>
    public Task<(int Total, IReadOnlyList<ListedArticle> Page)> ArticlesAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        int offset, int limit, CancellationToken ct) => articles.ListAsync(planId, windows, outlet, section, offset, limit, ct);

    /// <summary>Distinct articles per Vietnamese day inside the windows, of one outlet when given.</summary>
    public Task<IReadOnlyList<(string Day, int Articles)>> PerDayAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, CancellationToken ct) =>
        articles.PerDayAsync(planId, windows, outlet, null, ct);

    /// <summary>A quota's counted articles, how many and one page of them, paged by the store.</summary>
    public Task<(int Total, IReadOnlyList<ListedArticle> Page)> QuotaListAsync(Storage.Plans.StoredPlan plan, QuotaStatus quota, DateOnly asOf, int offset, int limit,
        CancellationToken ct) => articles.QuotaListAsync(plan, quota, asOf, offset, limit, ct);

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
            var list = await articles.SectionsAsync(planId, ct);
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
    public Task<IReadOnlyList<string>> OutletsAsync(string planId, CancellationToken ct) => articles.OutletsAsync(planId, ct);

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
