using System.Text.Json;

namespace Monitor.Storage.Feedback;

/// <summary>A decision in force (the latest about one theme of one article in one plan), with the plan's latest version:
/// the version a confirmed or added theme is stored under when a tagging left it out.</summary>
public sealed record TagDecision(string PlanId, int PlanVersion, string ArticleId, string Theme, Verdict Verdict);

/// <summary>Where a decision is applied beyond SQLite's own tags: the Elasticsearch tags index of the scaled-out
/// deployment, whose taggers never write SQLite's tags. The feedback store calls every registered sink once the
/// decision is committed.</summary>
public interface ITagFeedbackSink
{
    Task ApplyAsync(TagDecision decision, CancellationToken ct);
}

/// <summary>The decisions in force, read for a store that applies them when it writes tags (schema step 4's rule:
/// a rejected theme is never stored again, a confirmed or added one stays whatever a tagging says). SQLite applies
/// them inside its own writes (a trigger and <see cref="FeedbackStore.RestoreSql"/>); Elasticsearch asks here.</summary>
public sealed class FeedbackDecisions(MonitorDatabase db)
{
    /// <summary>The decisions about these articles in these plans (one query per batch; the history is small and its
    /// index starts with the plan and the article).</summary>
    public async Task<IReadOnlyList<TagDecision>> ForAsync(IReadOnlyCollection<string> planIds, IReadOnlyCollection<string> articleIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        ArgumentNullException.ThrowIfNull(articleIds);
        if (planIds.Count == 0 || articleIds.Count == 0)
        {
            return [];
        }

        return await ReadAsync("f.plan_id IN (SELECT value FROM json_each($plans)) AND f.article_id IN (SELECT value FROM json_each($ids))",
            ct, ("$plans", JsonSerializer.Serialize(planIds)), ("$ids", JsonSerializer.Serialize(articleIds)));
    }

    /// <summary>Every decision in force, oldest first: what a store that missed some re-applies (the nightly upkeep).</summary>
    public Task<IReadOnlyList<TagDecision>> InForceAsync(CancellationToken ct) => ReadAsync("1", ct);

    private async Task<IReadOnlyList<TagDecision>> ReadAsync(string where, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"""
            SELECT f.plan_id, (SELECT COALESCE(MAX(p.version), 1) FROM plans p WHERE p.plan_id = f.plan_id), f.article_id, f.theme_code, f.verdict
            FROM feedback f
            WHERE {where}
              AND f.id = (SELECT MAX(g.id) FROM feedback g WHERE g.plan_id = f.plan_id AND g.article_id = f.article_id AND g.theme_code = f.theme_code)
            ORDER BY f.id
            """, null, parameters);
        var list = new List<TagDecision>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new TagDecision(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<Verdict>(reader.GetString(4), ignoreCase: true)));
        }

        return list;
    }
}
