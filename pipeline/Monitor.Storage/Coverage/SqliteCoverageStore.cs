using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>Coverage answers from the SQLite store (schema step 2): coverage and gaps read the tag_days counts; quotas
/// and events read the tag rows, which carry their article's outlet, section and Vietnamese day, through covering indexes.</summary>
public sealed partial class SqliteCoverageStore(MonitorDatabase db, TimeProvider time) : ICoverageStore
{
    // Windows travel as one JSON parameter: [["code","from","to"], ...], days as "yyyy-MM-dd" (both ends included).
    // The event query reads "FROM w CROSS JOIN tags": CROSS JOIN keeps the windows as the outer loop in SQLite, so each theme is
    // one range search of tags_theme_day instead of a scan of every tag of the plan.
    private const string WindowsCte = "WITH w(code, f, t) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($windows))";

    public async Task<CoverageReport> CoverageAsync(StoredPlan plan, CoverageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await ConnectAsync(ct);
        var daily = await DailyAsync(connection, plan.Id, CoverageRules.Windows(plan.Plan, query.From, query.To), ct);
        // MAX(seq) answers from the primary key at once; articles are never deleted, so it is the count.
        var stored = await connection.ScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM articles", ct);
        return CoverageAnswers.Coverage(plan, query, daily, stored);
    }

    /// <summary>Articles per theme, Vietnamese day and outlet inside the windows, from the tag_days counts the triggers
    /// keep: one primary-key range per theme; weeks, months and gaps roll it up.</summary>
    private static async Task<List<DailyCount>> DailyAsync(SqliteConnection connection, string planId,
        IEnumerable<ThemeWindow> windows, CancellationToken ct)
    {
        var rows = new List<DailyCount>();
        await using var command = connection.Command("""
            SELECT day, outlet, articles FROM tag_days
            WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to AND articles > 0
            """, null, ("$plan", planId), ("$theme", ""), ("$from", ""), ("$to", ""));
        foreach (var w in windows)
        {
            command.Parameters["$theme"].Value = w.Code;
            command.Parameters["$from"].Value = w.FromKey;
            command.Parameters["$to"].Value = w.ToKey;
            rows.AddRange(await ListAsync(command, r => new DailyCount(w.Code, r.GetString(0), r.GetString(1), r.GetInt32(2)), ct));
        }

        return rows;
    }

    public async Task<StoredPlan?> PlanInForceAsync(string planId, DateOnly asOf, CancellationToken ct)
    {
        var end = CoverageRules.EndOf(asOf);
        await using var connection = await ConnectAsync(ct);
        await using var command = connection.Command("SELECT version, loaded_at, body FROM plans WHERE plan_id = $id ORDER BY version", null, ("$id", planId));
        var versions = await ListAsync(command, r => (Version: r.GetInt32(0), LoadedAt: DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), Body: r.GetString(2)), ct);
        if (versions.Count == 0)
        {
            return null;
        }

        // A day before the plan was first loaded (a plan imported after the fact) is judged by the first version.
        var (version, loadedAt, body) = versions.Where(v => v.LoadedAt < end).OrderBy(v => v.LoadedAt).ThenBy(v => v.Version).LastOrDefault(versions[0]);
        var plan = PlanFile.Parse(body, planId, json: true);
        plan.Id = planId;
        return new StoredPlan(planId, version, loadedAt, plan);
    }

    // A page cache large enough for the covering indexes of a million tags, and reads through mmap: coverage queries
    // are long index range scans. Both are per connection and kept while a pooled connection lives.
    private async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("PRAGMA cache_size = -131072; PRAGMA mmap_size = 1073741824;", ct);
        return connection;
    }

    private static string WindowsJson(IEnumerable<ThemeWindow> windows) =>
        JsonSerializer.Serialize(windows.Where(w => string.CompareOrdinal(w.FromKey, w.ToKey) <= 0).Select(w => new[] { w.Code, w.FromKey, w.ToKey }));

    private static async Task<List<T>> ListAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> row, CancellationToken ct)
    {
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(row(reader));
        }

        return list;
    }
}
