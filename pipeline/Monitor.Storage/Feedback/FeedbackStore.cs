using Microsoft.Data.Sqlite;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Feedback;

/// <summary>What a person decided about one theme of one article in one plan.</summary>
public enum Verdict
{
    Confirmed,
    Rejected,
    Added,
}

/// <summary>One feedback row: the decision, its optional reason, who and when (UTC).</summary>
public sealed record FeedbackEntry(long Id, string PlanId, string ArticleId, string Theme, Verdict Verdict, string? Reason, string User, DateTimeOffset At)
{
    /// <summary>The stored spelling: confirmed, rejected, added.</summary>
    public string VerdictName => Name(Verdict);

    public static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}

/// <summary>Analyst feedback on tags (schema step 4). Every decision is kept; the latest per (plan, article, theme)
/// wins and is applied to the tags at once, so coverage, quotas, gaps and stories count it without knowing of it; a
/// registered <see cref="ITagFeedbackSink"/> (Elasticsearch) applies it to its own tags once it is committed.</summary>
public sealed class FeedbackStore(MonitorDatabase db, TimeProvider time, IEnumerable<ITagFeedbackSink>? sinks = null)
{
    /// <summary>Puts back the confirmed and added themes of one article ($id) in one plan ($plan) that a tagging left
    /// out, as tags of version $version with no evidence (a person's word, score 0).</summary>
    internal const string RestoreSql = """
        INSERT OR IGNORE INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at, outlet, section, day, week, month)
        SELECT f.article_id, f.plan_id, $version, f.theme_code, 0, '[]', $now, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'),
               a.week, substr(date(a.published_utc / 1000 + 25200, 'unixepoch'), 1, 7)
        FROM feedback f JOIN articles a ON a.id = f.article_id
        WHERE f.plan_id = $plan AND f.article_id = $id AND f.verdict IN ('confirmed', 'added')
          AND f.id = (SELECT MAX(g.id) FROM feedback g WHERE g.plan_id = f.plan_id AND g.article_id = f.article_id AND g.theme_code = f.theme_code)
        """;

    /// <summary>Stores a decision and applies it to the article's tags in the same transaction.</summary>
    public async Task<FeedbackEntry> RecordAsync(string planId, string articleId, string theme, Verdict verdict, string? reason, string user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var id = await connection.ScalarAsync<long>("""
            INSERT INTO feedback (plan_id, article_id, theme_code, verdict, reason, user_name, at) VALUES ($plan, $article, $theme, $verdict, $reason, $user, $at)
            RETURNING id
            """, ct, tx, ("$plan", planId), ("$article", articleId), ("$theme", theme), ("$verdict", FeedbackEntry.Name(verdict)),
            ("$reason", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), ("$user", user), ("$at", Utc(now)));
        var version = 1L;
        if (verdict == Verdict.Rejected)
        {
            await connection.ExecuteAsync("DELETE FROM tags WHERE article_id = $id AND plan_id = $plan AND theme_code = $theme", ct, tx,
                ("$id", articleId), ("$plan", planId), ("$theme", theme));
        }
        else
        {
            version = await connection.ScalarAsync<long>("SELECT COALESCE(MAX(version), 1) FROM plans WHERE plan_id = $plan", ct, tx, ("$plan", planId));
            await connection.ExecuteAsync(RestoreSql, ct, tx, ("$id", articleId), ("$plan", planId), ("$version", version), ("$now", ArticleWriter.Iso(now)));
        }

        await tx.CommitAsync(ct);
        foreach (var sink in sinks ?? [])
        {
            await sink.ApplyAsync(new TagDecision(planId, (int)version, articleId, theme, verdict), ct);
        }

        return new FeedbackEntry(id, planId, articleId, theme, verdict, reason, user, now);
    }

    /// <summary>Every decision of a plan (null: of every plan), oldest first; the history, not only the latest.</summary>
    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? planId, CancellationToken ct) =>
        QueryAsync("WHERE $plan IS NULL OR plan_id = $plan", ("$plan", planId), ct);

    /// <summary>Every decision about one article, oldest first.</summary>
    public Task<IReadOnlyList<FeedbackEntry>> ForArticleAsync(string articleId, CancellationToken ct) =>
        QueryAsync("WHERE article_id = $article", ("$article", articleId), ct);

    /// <summary>The decision in force per theme: the latest entry.</summary>
    public static IReadOnlyDictionary<string, FeedbackEntry> Latest(IEnumerable<FeedbackEntry> entries, string planId) =>
        entries.Where(e => e.PlanId == planId).GroupBy(e => e.Theme).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);

    private async Task<IReadOnlyList<FeedbackEntry>> QueryAsync(string where, (string, object?) parameter, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command($"SELECT id, plan_id, article_id, theme_code, verdict, reason, user_name, at FROM feedback {where} ORDER BY id", null, parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<FeedbackEntry>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new FeedbackEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<Verdict>(reader.GetString(4), ignoreCase: true), reader.NullableString(5), reader.GetString(6),
                DateTimeOffset.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>UTC, ISO 8601 with a Z: what the export and the learner read.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
