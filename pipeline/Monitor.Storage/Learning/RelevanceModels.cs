using Monitor.Core.Learning;
using Monitor.Storage.Feedback;

namespace Monitor.Storage.Learning;

/// <summary>The stored relevance models (schema step 9), one per plan: the latest training.</summary>
public sealed class RelevanceModels(MonitorDatabase db, TimeProvider time)
{
    /// <summary>Stores a plan's model; returns false when it is the model already stored (same inputs, same model),
    /// in which case the revision stays and taggers keep the one they loaded.</summary>
    public async Task<bool> SaveAsync(RelevanceModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ExecuteAsync("""
            INSERT INTO relevance_models (plan_id, plan_version, feedback_count, model, trained_at) VALUES ($plan, $version, $feedback, $model, $at)
            ON CONFLICT (plan_id) DO UPDATE SET plan_version = excluded.plan_version, feedback_count = excluded.feedback_count,
                model = excluded.model, trained_at = excluded.trained_at, revision = revision + 1
            WHERE model <> excluded.model
            """, ct, null, ("$plan", model.PlanId), ("$version", model.PlanVersion), ("$feedback", model.FeedbackCount),
            ("$model", model.ToJson()), ("$at", FeedbackStore.Utc(time.GetUtcNow()))) > 0;
    }

    /// <summary>The plan's model, or null when none was trained.</summary>
    public async Task<RelevanceModel?> FindAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var json = await connection.ScalarAsync<string>("SELECT model FROM relevance_models WHERE plan_id = $plan", ct, null, ("$plan", planId));
        return json is null ? null : RelevanceModel.FromJson(json);
    }

    /// <summary>Plan id → revision of its model: cheap enough to ask per batch, so a tagger reloads a model only when it changed.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RevisionsAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var command = connection.Cached("SELECT plan_id, revision FROM relevance_models", null);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            revisions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return revisions;
    }
}
