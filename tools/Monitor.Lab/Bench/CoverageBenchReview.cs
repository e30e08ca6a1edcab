using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage;

namespace Monitor.Lab.Bench;

/// <summary>What the review queue "Cần xem xét" reads, on the bench store: the generator writes every tag as a primary
/// hit of score 1 with no mention, while a tagger leaves grades, spread scores, learnt probabilities and passing
/// mentions, and analysts leave decisions. Written once, after the articles: three tags in ten partial, scores from 1 to 5
/// in quarter steps (so many pairs tie), a probability (three decimals) on every other theme of the plan (those a model
/// has learnt), one article in three with a passing mention of a theme it is not tagged with (score 0.5 to 2.5), and a
/// confirmed decision on one tag in 450. Deterministic for a seed.</summary>
public static class CoverageBenchReview
{
    /// <summary>The user the decisions are recorded for.</summary>
    public const string Analyst = "bench-review";

    /// <summary>True when the store has tags but no mention yet (generated before this existed, or just now).</summary>
    public static async Task<bool> MissingAsync(MonitorDatabase db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ScalarAsync<long>("SELECT EXISTS (SELECT 1 FROM tag_mentions) = 0 AND EXISTS (SELECT 1 FROM tags)", ct) == 1;
    }

    /// <summary>Rewrites the tags' grade, score and relevance, adds the mentions and the decisions, in one transaction;
    /// answers how many mentions and decisions it wrote.</summary>
    public static async Task<(long Mentions, long Decisions)> FillAsync(MonitorDatabase db, string planId, int planVersion, Plan plan, CancellationToken ct, int seed = 46)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var themes = plan.Themes.Select(t => t.Code).Order(StringComparer.Ordinal).ToArray();
        var learnt = themes.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        var random = new Random(seed);
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("PRAGMA cache_size = -524288", ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var articles = new List<(string Id, string[] Tagged)>();
        await using (var read = connection.Command("""
            SELECT a.id, (SELECT group_concat(t.theme_code, ' ') FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan) FROM articles a ORDER BY a.seq
            """, tx, ("$plan", planId)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                articles.Add((reader.GetString(0), reader.IsDBNull(1) ? [] : reader.GetString(1).Split(' ')));
            }
        }

        await using var tag = connection.Command("UPDATE tags SET grade = $grade, score = $score, relevance = $relevance WHERE article_id = $id AND plan_id = $plan AND theme_code = $theme",
            tx, ("$grade", ""), ("$score", 0.0), ("$relevance", null), ("$id", ""), ("$plan", planId), ("$theme", ""));
        await using var mention = connection.Command("""
            INSERT INTO tag_mentions (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at, relevance)
            VALUES ($id, $plan, $version, $theme, $score, '[]', '1970-01-01T00:00:00.000+00:00', $relevance)
            """, tx, ("$id", ""), ("$plan", planId), ("$version", planVersion), ("$theme", ""), ("$score", 0.0), ("$relevance", null));
        await using var decision = connection.Command("""
            INSERT INTO feedback (plan_id, article_id, theme_code, verdict, reason, user_name, at)
            VALUES ($plan, $id, $theme, 'confirmed', NULL, $user, '2024-12-01T00:00:00.000Z')
            """, tx, ("$plan", planId), ("$id", ""), ("$theme", ""), ("$user", Analyst));
        tag.Prepare();
        mention.Prepare();
        decision.Prepare();
        long tags = 0, mentions = 0, decisions = 0;
        foreach (var (id, tagged) in articles)
        {
            foreach (var theme in tagged)
            {
                var grade = random.NextDouble() < 0.3 ? ThemeGrade.Partial : ThemeGrade.Primary;
                Set(tag, ("$id", id), ("$theme", theme), ("$grade", grade), ("$score", 1.0 + (0.25 * random.Next(17))), ("$relevance", Probability(random, learnt, theme)));
                await tag.ExecuteNonQueryAsync(ct);
                if (++tags % 450 == 0)
                {
                    Set(decision, ("$id", id), ("$theme", theme));
                    decisions += await decision.ExecuteNonQueryAsync(ct);
                }
            }

            if (random.Next(3) == 0 && themes.Except(tagged, StringComparer.Ordinal).ToArray() is { Length: > 0 } others)
            {
                var theme = others[random.Next(others.Length)];
                Set(mention, ("$id", id), ("$theme", theme), ("$score", 0.25 * random.Next(2, 11)), ("$relevance", Probability(random, learnt, theme)));
                mentions += await mention.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
        return (mentions, decisions);
    }

    private static double? Probability(Random random, HashSet<string> learnt, string theme) =>
        learnt.Contains(theme) ? Math.Round(random.NextDouble(), 3) : null;

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }
}
