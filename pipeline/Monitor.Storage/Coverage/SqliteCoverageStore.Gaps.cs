using Monitor.Core.Time;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public async Task<GapReport> GapsAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<DailyCount> daily;
        Dictionary<string, int> copies;
        await using (var connection = await ConnectAsync(ct))
        {
            var windows = CoverageRules.Windows(plan.Plan, null, asOf).ToList();
            daily = await DailyAsync(connection, plan.Id, windows, ct);
            copies = await CopiesAsync(connection, plan.Id, windows, ct);
        }

        var health = await HealthAsync(CoverageAnswers.GapOutlets(plan, daily).ToList(), asOf, ct);
        return CoverageAnswers.Gaps(plan, asOf, daily, copies, health);
    }

    /// <summary>Per theme, the articles that are a syndicated copy (a near-duplicate link, either way) of an earlier
    /// article of the same theme inside the window: a story carried by three outlets is one story and two copies.
    /// Read from the links, which are few, so the cost does not grow with the tags: CROSS JOIN keeps the links the outer
    /// loop (each end found by the tags' primary key). Left to itself SQLite chose to scan every tag of the plan and
    /// probe the links, 0.6–1.5 s on a million articles (bench dashboard).</summary>
    private static async Task<Dictionary<string, int>> CopiesAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId,
        IEnumerable<ThemeWindow> windows, CancellationToken ct)
    {
        await using var command = connection.Command($"""
            {WindowsCte}, links(a, b) AS (SELECT article_id, duplicate_of FROM near_duplicates UNION SELECT duplicate_of, article_id FROM near_duplicates)
            SELECT t.theme_code, COUNT(DISTINCT t.article_id)
            FROM links l
            CROSS JOIN tags t ON t.article_id = l.a AND t.plan_id = $plan
            CROSS JOIN w ON w.code = t.theme_code AND t.day BETWEEN w.f AND w.t
            CROSS JOIN tags o ON o.article_id = l.b AND o.plan_id = $plan AND o.theme_code = t.theme_code AND o.day BETWEEN w.f AND w.t
            WHERE o.day < t.day OR (o.day = t.day AND o.article_id < t.article_id)
            GROUP BY t.theme_code
            """, null, ("$plan", planId), ("$windows", WindowsJson(windows)));
        return (await ListAsync(command, r => (Theme: r.GetString(0), Copies: r.GetInt32(1)), ct)).ToDictionary(x => x.Theme, x => x.Copies);
    }

    public async Task<IReadOnlyList<OutletHealth>> HealthAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        // The crawler's current view of every source (outlet, failing, paused hosts, extraction, rhythm), grouped by outlet.
        var all = await new SourceHealthReport(db, time).ComputeAsync([], ct);
        await using var connection = await ConnectAsync(ct);
        var result = new List<OutletHealth>();
        var end = CoverageRules.EndOf(asOf).ToUnixTimeMilliseconds();
        foreach (var outlet in outlets.Distinct().Order(StringComparer.Ordinal))
        {
            var mine = all.Where(s => s.Outlet == outlet).ToList();
            var lastMs = await connection.ScalarAsync<long?>("SELECT MAX(published_utc) FROM articles WHERE outlet = $o AND published_utc < $end", ct, null,
                ("$o", outlet), ("$end", end));
            DateOnly? lastDay = lastMs is { } ms ? DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(ms)).DateTime) : null;
            var failing = mine.Any(s => s.Failing);
            var paused = mine.SelectMany(s => s.PausedHosts).OrderByDescending(p => p.Until).FirstOrDefault();
            var lastError = mine.Where(s => s.LastErrorAt is not null).OrderByDescending(s => s.LastErrorAt).Select(s => s.LastError).FirstOrDefault();
            var state = CoverageRules.State(mine.Count > 0, paused is not null, failing, mine.Any(s => s.ExtractionFailing), mine.Any(s => s.Silent), lastDay, asOf);
            result.Add(new OutletHealth(outlet, mine.Select(s => s.Source).ToList(), state, mine.Max(s => s.LastSuccess), failing ? lastError : null, lastDay, paused));
        }

        return result;
    }

    public async Task<IReadOnlyList<EventCoverage>> EventsAsync(StoredPlan plan, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new List<EventCoverage>();
        await using var connection = await ConnectAsync(ct);
        foreach (var e in plan.Plan.Events.OrderBy(e => e.Date))
        {
            var (from, to) = (e.Date.AddDays(-days), e.Date.AddDays(days));
            var windows = plan.Plan.Themes.Select(t => new ThemeWindow(t.Code, from, to));
            // Distinct articles per outlet streamed in (outlet, day, article) order (WindowedArticles): no temporary B-tree of ids.
            await using var command = WindowedArticles.Bind(connection.Command($"{WindowedArticles.Cte} SELECT outlet, COUNT(*) FROM hits GROUP BY outlet ORDER BY outlet"),
                plan.Id, windows);
            result.Add(new EventCoverage(e.Date, e.Title, from, to, await ListAsync(command, r => (r.GetString(0), r.GetInt32(1)), ct)));
        }

        return result;
    }
}
