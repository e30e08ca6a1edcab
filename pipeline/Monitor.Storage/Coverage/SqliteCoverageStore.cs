using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>Coverage answers from the SQLite store. Queries read the tag rows alone: each carries its article's outlet,
/// section and Vietnamese day, week and month (schema step 2), and covering indexes serve every query.</summary>
public sealed partial class SqliteCoverageStore(MonitorDatabase db) : ICoverageStore
{
    // Windows travel as one JSON parameter: [["code","from","to"], ...], days as "yyyy-MM-dd" (both ends included).
    private const string WindowsCte = "WITH w(code, f, t) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($windows))";

    public async Task<CoverageReport> CoverageAsync(StoredPlan plan, CoverageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(query);
        var bucket = query.Period switch
        {
            CoveragePeriod.Month => "tg.month",
            CoveragePeriod.Window => "'window'",
            _ => "tg.week",
        };
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            {WindowsCte}
            SELECT tg.theme_code, tg.outlet, {bucket}, COUNT(*)
            FROM w JOIN tags tg ON tg.plan_id = $plan AND tg.theme_code = w.code AND tg.day BETWEEN w.f AND w.t
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            """, null, ("$windows", WindowsJson(CoverageRules.Windows(plan.Plan, query.From, query.To))), ("$plan", plan.Id));
        var cells = new List<CoverageCell>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                cells.Add(new CoverageCell(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        // MAX(seq) answers from the primary key at once; articles are never deleted, so it is the count.
        var stored = await connection.ScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM articles", ct);
        return new CoverageReport(plan.Id, plan.Version, plan.Plan.Themes.Select(t => (t.Code, t.Title)).ToList(), cells, stored, query);
    }

    public async Task<StoredPlan?> PlanInForceAsync(string planId, DateOnly asOf, CancellationToken ct)
    {
        var end = CoverageRules.EndOf(asOf);
        await using var connection = await db.ConnectAsync(ct);
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
