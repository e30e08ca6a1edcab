using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public async Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var statuses = new List<QuotaStatus>();
        await using var connection = await db.ConnectAsync(ct);
        for (var i = 0; i < plan.Plan.Quotas.Count; i++)
        {
            var quota = plan.Plan.Quotas[i];
            var windows = CoverageRules.QuotaWindows(plan.Plan, quota, asOf);
            var from = windows.Select(w => w.From).Min() ?? CoverageRules.PeriodStart(quota.Period, asOf) ?? asOf;
            var themes = plan.Plan.Themes.Where(t => quota.Theme is null || t.Code == quota.Theme).ToList();
            var to = themes.Count > 0 && themes.All(t => t.Window.To is not null) ? themes.Max(t => t.Window.To) : null;
            var (elapsed, completed) = CoverageRules.Periods(quota.Period, from, to, asOf);
            foreach (var outlet in CoverageRules.QuotaOutlets(plan.Plan, quota))
            {
                await using var command = connection.Command($"""
                    {WindowsCte}
                    SELECT tg.article_id, MIN(tg.section) FROM w
                    JOIN tags tg ON tg.plan_id = $plan AND tg.theme_code = w.code AND tg.day BETWEEN w.f AND w.t
                    WHERE $outlet = '' OR tg.outlet = $outlet
                    GROUP BY tg.article_id
                    ORDER BY tg.article_id
                    """, null, ("$windows", WindowsJson(windows)), ("$plan", plan.Id), ("$outlet", outlet));
                var counted = await ListAsync(command, r => (Id: r.GetString(0), Section: r.IsDBNull(1) ? null : r.GetString(1)), ct);
                string? section = null;
                if (CoverageRules.IsColumnQuota(quota))
                {
                    var column = CoverageRules.ColumnSections(plan.Plan, quota, counted.Select(c => c.Section).OfType<string>().Distinct());
                    if (column.Count > 0)
                    {
                        counted = counted.Where(c => c.Section is not null && column.Contains(c.Section)).ToList();
                        section = string.Join(", ", column);
                    }
                }

                statuses.Add(new QuotaStatus(i, quota.Theme, outlet, quota.Count, quota.Unit, quota.Period, from, to, elapsed, completed,
                    quota.Count * elapsed, counted.Count, section, counted.Select(c => c.Id).ToList(), quota.Text));
            }
        }

        return statuses;
    }
}
