using System.Globalization;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, CancellationToken ct) =>
        QuotasOfAsync(plan, asOf, detail, null, ct);

    public Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, string outlet, CancellationToken ct) =>
        QuotasOfAsync(plan, asOf, detail, outlet, ct);

    private async Task<IReadOnlyList<QuotaStatus>> QuotasOfAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, string? only, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await ConnectAsync(ct);
        return await CoverageAnswers.QuotasAsync(plan, asOf, detail,
            (windows, outlet, withSection) => CountedAsync(connection, plan.Id, windows, outlet, withSection, detail == QuotaDetail.Articles, ct), only);
    }

    /// <summary>The distinct articles (per section when asked) of one outlet, or of all when empty, inside the windows,
    /// with their ids when <paramref name="listed"/>.</summary>
    private static async Task<IReadOnlyList<CountedArticles>> CountedAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId,
        IReadOnlyList<ThemeWindow> windows, string outlet, bool withSection, bool listed, CancellationToken ct)
    {
        if (!withSection)
        {
            // The distinct articles of the outlet (or of all) in one ordered pass per outlet (WindowedArticles): counted
            // by SQLite when no id is wanted (the overview's 52,000 of a million-article store never leave it).
            await using var hits = WindowedArticles.Bind(connection.Command($"{WindowedArticles.Cte} SELECT {(listed ? "id" : "COUNT(*)")} FROM hits"),
                planId, windows, outlet.Length > 0 ? outlet : null);
            if (!listed)
            {
                return [new CountedArticles(null, Convert.ToInt32(await hits.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), null)];
            }

            var found = await ListAsync(hits, r => r.GetString(0), ct);
            return [new CountedArticles(null, found.Count, found)];
        }

        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (outlet.Length > 0 && windows.Count > 0)
        {
            // One range over the outlet's days (tags_outlet_article). When the themes share one window (the usual plan) the
            // range is the window and SQLite filters the themes; otherwise each row is kept when its theme's window holds its day.
            var shared = windows.All(w => w.FromKey == windows[0].FromKey && w.ToKey == windows[0].ToKey);
            var byTheme = windows.ToDictionary(w => w.Code);
            await using var command = connection.Command("""
                SELECT article_id, section, theme_code, day FROM tags INDEXED BY tags_outlet_article
                WHERE plan_id = $plan AND outlet = $outlet AND day BETWEEN $from AND $to AND theme_code IN (SELECT value FROM json_each($themes))
                """, null, ("$plan", planId), ("$outlet", outlet), ("$from", windows.Min(w => w.FromKey)), ("$to", windows.Max(w => w.ToKey)),
                ("$themes", System.Text.Json.JsonSerializer.Serialize(windows.Select(w => w.Code))));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (shared || (byTheme[reader.GetString(2)] is var w && string.CompareOrdinal(reader.GetString(3), w.FromKey) >= 0
                    && string.CompareOrdinal(reader.GetString(3), w.ToKey) <= 0))
                {
                    seen.TryAdd(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
                }
            }
        }
        else
        {
            await using var command = connection.Command("""
                SELECT article_id, section FROM tags INDEXED BY tags_theme_day
                WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to
                """, null, ("$plan", planId), ("$theme", ""), ("$from", ""), ("$to", ""));
            foreach (var w in windows)
            {
                (command.Parameters["$theme"].Value, command.Parameters["$from"].Value, command.Parameters["$to"].Value) = (w.Code, w.FromKey, w.ToKey);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    seen.TryAdd(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
                }
            }
        }

        return CoverageAnswers.Group(seen.Select(a => (a.Key, a.Value)), bySection: true, listed);
    }
}
