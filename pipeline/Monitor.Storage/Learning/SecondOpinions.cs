using Monitor.Storage.Feedback;

namespace Monitor.Storage.Learning;

/// <summary>A language model's cached answer on one theme of one article's content (schema step 9).</summary>
public sealed record SecondOpinion(bool Relevant, string Answer);

/// <summary>The cache of language-model second opinions, keyed by (article content hash, plan, plan version, theme):
/// the same text asked about the same theme of the same plan version is never asked twice.</summary>
public sealed class SecondOpinions(MonitorDatabase db, TimeProvider time)
{
    public async Task<SecondOpinion?> FindAsync(string contentHash, string planId, int planVersion, string theme, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        // Kept by the connection (SqliteExtensions.Cached): not disposed here.
        var command = connection.Cached("""
            SELECT relevant, answer FROM second_opinions WHERE content_hash = $hash AND plan_id = $plan AND plan_version = $version AND theme_code = $theme
            """, null, ("$hash", contentHash), ("$plan", planId), ("$version", planVersion), ("$theme", theme));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new SecondOpinion(reader.GetInt64(0) != 0, reader.GetString(1)) : null;
    }

    public async Task SaveAsync(string contentHash, string planId, int planVersion, string theme, SecondOpinion opinion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("""
            INSERT OR REPLACE INTO second_opinions (content_hash, plan_id, plan_version, theme_code, relevant, answer, asked_at)
            VALUES ($hash, $plan, $version, $theme, $relevant, $answer, $at)
            """, ct, null, ("$hash", contentHash), ("$plan", planId), ("$version", planVersion), ("$theme", theme),
            ("$relevant", opinion.Relevant ? 1 : 0), ("$answer", opinion.Answer), ("$at", FeedbackStore.Utc(time.GetUtcNow())));
    }
}
