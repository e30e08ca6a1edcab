using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public async Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await ConnectAsync(ct);
        return await CoverageAnswers.QuotasAsync(plan, asOf, (windows, outlet, withSection) => CountedAsync(connection, plan.Id, windows, outlet, withSection, ct));
    }

    /// <summary>The distinct articles (with their section when asked) of one outlet, or of all when empty, inside the windows.</summary>
    private static async Task<List<(string Id, string? Section)>> CountedAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId,
        IReadOnlyList<ThemeWindow> windows, string outlet, bool withSection, CancellationToken ct)
    {
        if (!withSection)
        {
            // Only the ids: the distinct articles of the outlet (or of all) in one ordered pass per outlet (WindowedArticles).
            await using var hits = WindowedArticles.Bind(connection.Command($"{WindowedArticles.Cte} SELECT id FROM hits"), planId, windows, outlet.Length > 0 ? outlet : null);
            var found = await ListAsync(hits, r => r.GetString(0), ct);
            found.Sort(StringComparer.Ordinal);
            return found.Select(id => (id, (string?)null)).ToList();
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

        var ids = seen.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        return ids.Select(id => (id, seen[id])).ToList();
    }
}
