using System.Text.Json;
using Monitor.Core.Time;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>Coverage answers from the store: counts only articles published inside each theme's window.</summary>
public sealed class CoverageQueries(MonitorDatabase db)
{
    public async Task<CoverageReport> CoverageAsync(StoredPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Windows are Vietnamese calendar days: [from 00:00 ICT, to+1 00:00 ICT) as UTC milliseconds.
        var windows = JsonSerializer.Serialize(plan.Plan.Themes.Select(t => new
        {
            code = t.Code,
            from = t.Window.From is { } f ? VietnamTime.StartOfDay(f).ToUnixTimeMilliseconds() : (long?)null,
            to = t.Window.To is { } to ? VietnamTime.StartOfDay(to.AddDays(1)).ToUnixTimeMilliseconds() : (long?)null,
        }));
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            WITH w(code, f, t) AS (SELECT value ->> 'code', value ->> 'from', value ->> 'to' FROM json_each($windows))
            SELECT tg.theme_code, a.outlet, a.week, COUNT(*)
            FROM tags tg
            JOIN w ON w.code = tg.theme_code
            JOIN articles a ON a.id = tg.article_id
            WHERE tg.plan_id = $plan
              AND (w.f IS NULL OR a.published_utc >= w.f) AND (w.t IS NULL OR a.published_utc < w.t)
            GROUP BY tg.theme_code, a.outlet, a.week
            ORDER BY tg.theme_code, a.outlet, a.week
            """, null, ("$windows", windows), ("$plan", plan.Id));
        var cells = new List<CoverageCell>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                cells.Add(new CoverageCell(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var stored = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM articles", ct);
        return new CoverageReport(plan.Id, plan.Version, plan.Plan.Themes.Select(t => (t.Code, t.Title)).ToList(), cells, stored);
    }
}
