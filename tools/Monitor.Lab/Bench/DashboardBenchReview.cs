using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Storage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Lab.Bench;

/// <summary>What <c>bench dashboard</c> checks on the review queue "Cần xem xét" (page and API): the total and the pairs
/// listed, in order, against the queue ranked another way — every pair of the plan read in one plain statement, the
/// decided ones and those of doubt 0 left out here, the rest ranked by <see cref="ReviewPriority"/> in the bench. Each
/// prints one line, equal or DIFFERENT.</summary>
internal sealed partial class DashboardBenchReview(MonitorDatabase db, StoredPlan plan)
{
    private static readonly string Pad = new(' ', 28);
    private (int Total, List<(string Article, string Theme)> Order)? expected;

    /// <summary>The page's count and its rows (<c>data-article</c>, <c>data-theme</c>) in order.</summary>
    public async Task<bool> PageAsync(string path, string body)
    {
        var rows = Row().Matches(body).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var total = Count().Match(body) is { Success: true } count ? int.Parse(new string(count.Groups[1].Value.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) : 0;
        return await ReportAsync("page", total, rows);
    }

    /// <summary>The API's total and items in order.</summary>
    public async Task<bool> ApiAsync(string path, string body)
    {
        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("articleId").GetString()!, i.GetProperty("theme").GetString()!)).ToList();
        return await ReportAsync("API", json.RootElement.GetProperty("total").GetInt32(), items);
    }

    private async Task<bool> ReportAsync(string what, int total, List<(string, string)> rows)
    {
        var (all, order) = expected ??= await RankAsync(CancellationToken.None);
        var same = rows.Count > 0 && total == all && rows.SequenceEqual(order.Take(rows.Count));
        Console.WriteLine($"{Pad}queue {what}: {total:N0} pairs, first {rows.Count} listed; ranked in the bench: {all:N0} pairs: {(same ? "equal" : "DIFFERENT")}");
        return same;
    }

    private async Task<(int, List<(string, string)>)> RankAsync(CancellationToken ct)
    {
        var themes = plan.Plan.Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var threshold = ScoringOptions.Default.Threshold;
        await using var connection = await db.ConnectAsync(ct);
        var demote = await connection.ScalarAsync<double?>("SELECT json_extract(model, '$.demote_below') FROM relevance_models WHERE plan_id = $plan", ct, null, ("$plan", plan.Id))
            ?? RelevanceOptions.Default.DemoteBelow;
        var promote = await connection.ScalarAsync<double?>("SELECT json_extract(model, '$.promote_above') FROM relevance_models WHERE plan_id = $plan", ct, null, ("$plan", plan.Id))
            ?? RelevanceOptions.Default.PromoteAbove;
        var decided = new HashSet<(string, string)>();
        await using (var command = connection.Command("SELECT article_id, theme_code FROM feedback WHERE plan_id = $plan", null, ("$plan", plan.Id)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                decided.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var pairs = new List<(string Article, string Theme, double Doubt)>();
        await using (var command = connection.Command("""
            SELECT article_id, theme_code, grade, score, relevance FROM tags WHERE plan_id = $plan
            UNION ALL SELECT article_id, theme_code, 'mention', score, relevance FROM tag_mentions WHERE plan_id = $plan
            """, null, ("$plan", plan.Id)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var pair = (reader.GetString(0), reader.GetString(1));
                var doubt = ReviewPriority.Doubt(reader.GetString(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), demote, promote, threshold);
                if (doubt > 0 && themes.Contains(pair.Item2) && !decided.Contains(pair))
                {
                    pairs.Add((pair.Item1, pair.Item2, doubt));
                }
            }
        }

        var order = ReviewPriority.Interleave(pairs, p => p.Theme, p => p.Doubt, p => p.Article).Take(ReviewQueue.MaxLimit).Select(p => (p.Article, p.Theme)).ToList();
        return (pairs.Count, order);
    }

    [GeneratedRegex("""<tr data-article="([^"]+)" data-theme="([^"]+)">""")]
    private static partial Regex Row();

    [GeneratedRegex("""<p id="count">([\d.,]+) cặp""")]
    private static partial Regex Count();
}
