using System.Globalization;
using Monitor.Core.Time;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public async Task<GapReport> GapsAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<(string Theme, string Outlet, string First, int Articles)> rows;
        await using (var connection = await ConnectAsync(ct))
        {
            rows = (await DailyAsync(connection, plan.Id, CoverageRules.Windows(plan.Plan, null, asOf), ct))
                .GroupBy(d => (d.Theme, d.Outlet))
                .Select(g => (g.Key.Theme, g.Key.Outlet, g.Min(d => d.Day)!, g.Sum(d => d.Articles)))
                .ToList();
        }

        var issued = plan.Plan.Directive.Issued;
        var expected = plan.Plan.Themes.SelectMany(t => t.Outlets).Concat(rows.Select(r => r.Outlet)).Distinct().ToList();
        var health = (await HealthAsync(expected, asOf, ct)).ToDictionary(h => h.Outlet);
        var themes = new List<ThemeGap>();
        foreach (var theme in plan.Plan.Themes)
        {
            var mine = rows.Where(r => r.Theme == theme.Code).ToList();
            var outlets = mine.Select(r => r.Outlet).Order(StringComparer.Ordinal).ToList();
            DateOnly? first = mine.Count > 0 ? DateOnly.ParseExact(mine.Min(r => r.First)!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var start = issued ?? theme.Window.From;
            var kind = theme.Window.From > asOf ? GapKind.NotStarted
                : outlets.Count == 0 ? GapKind.Uncovered
                : outlets.Count == 1 ? GapKind.SingleOutlet
                : GapKind.None;
            // Beside a gap: the outlets that should have covered the theme and did not, with their sources' state.
            var missing = kind is GapKind.Uncovered or GapKind.SingleOutlet
                ? theme.Outlets.Except(outlets).Select(o => health[o]).ToList()
                : [];
            themes.Add(new ThemeGap(theme.Code, theme.Title, kind, mine.Sum(r => r.Articles), outlets, first,
                first is { } f && start is { } s ? f.DayNumber - s.DayNumber : null, missing));
        }

        return new GapReport(plan.Id, plan.Version, asOf, issued, themes);
    }

    public async Task<IReadOnlyList<OutletHealth>> HealthAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        await using var connection = await ConnectAsync(ct);
        // A source's outlet: as recorded, else the outlet of an article it fetched, else its own name.
        await using var sources = connection.Command("""
            SELECT sh.source,
                   COALESCE(sh.outlet, (SELECT a.outlet FROM frontier f JOIN articles a ON a.id = f.article_id WHERE f.source = sh.source LIMIT 1), sh.source),
                   sh.last_success, sh.last_error, sh.last_error_at
            FROM source_health sh ORDER BY sh.source
            """);
        var all = await ListAsync(sources, r => (Source: r.GetString(0), Outlet: r.GetString(1), LastSuccess: Instant(r.NullableString(2)),
            LastError: r.NullableString(3), LastErrorAt: Instant(r.NullableString(4))), ct);
        var result = new List<OutletHealth>();
        var end = CoverageRules.EndOf(asOf).ToUnixTimeMilliseconds();
        foreach (var outlet in outlets.Distinct().Order(StringComparer.Ordinal))
        {
            var mine = all.Where(s => s.Outlet == outlet).ToList();
            var lastMs = await connection.ScalarAsync<long?>("SELECT MAX(published_utc) FROM articles WHERE outlet = $o AND published_utc < $end", ct, null,
                ("$o", outlet), ("$end", end));
            DateOnly? lastDay = lastMs is { } ms ? DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(ms)).DateTime) : null;
            var failing = mine.Any(s => s.LastErrorAt is { } e && (s.LastSuccess is null || e > s.LastSuccess));
            var lastSuccess = mine.Max(s => s.LastSuccess);
            var lastError = mine.Where(s => s.LastErrorAt is not null).OrderByDescending(s => s.LastErrorAt).Select(s => s.LastError).FirstOrDefault();
            result.Add(new OutletHealth(outlet, mine.Select(s => s.Source).ToList(), CoverageRules.State(mine.Count > 0, failing, lastDay, asOf),
                lastSuccess, failing ? lastError : null, lastDay));
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
            await using var command = connection.Command($"""
                {WindowsCte}
                SELECT tg.outlet, COUNT(DISTINCT tg.article_id)
                FROM w CROSS JOIN tags tg ON tg.plan_id = $plan AND tg.theme_code = w.code AND tg.day BETWEEN w.f AND w.t
                GROUP BY 1 ORDER BY 1
                """, null, ("$windows", WindowsJson(windows)), ("$plan", plan.Id));
            result.Add(new EventCoverage(e.Date, e.Title, from, to, await ListAsync(command, r => (r.GetString(0), r.GetInt32(1)), ct)));
        }

        return result;
    }

    private static DateTimeOffset? Instant(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
