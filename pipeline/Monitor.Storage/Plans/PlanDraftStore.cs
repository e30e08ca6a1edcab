using Monitor.Core.Plans;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Plans;

/// <summary>An uploaded directive waiting to become a plan version: its text as read, the importer's proposal, who
/// uploaded it and when (UTC), and the version it was saved as (null while open).</summary>
public sealed record PlanDraft(long Id, string PlanId, string FileName, string DirectiveText, Plan Proposal, string CreatedBy,
    DateTimeOffset CreatedAt, int? SavedVersion);

/// <summary>Drafts of the dashboard's Kế hoạch page (schema step 7). A draft is kept after it is saved, so the
/// directive's text stays beside the plan versions it produced.</summary>
public sealed class PlanDraftStore(MonitorDatabase db, TimeProvider time)
{
    public async Task<PlanDraft> AddAsync(string planId, string fileName, string directiveText, Plan proposal, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var now = time.GetUtcNow();
        await using var connection = await db.ConnectAsync(ct);
        var id = await connection.ScalarAsync<long>("""
            INSERT INTO plan_drafts (plan_id, file_name, directive_text, body, created_by, created_at) VALUES ($plan, $file, $text, $body, $user, $at)
            RETURNING id
            """, ct, null, ("$plan", planId), ("$file", fileName), ("$text", directiveText), ("$body", PlanFile.ToJson(proposal)), ("$user", user),
            ("$at", ArticleWriter.Iso(now)));
        return new PlanDraft(id, planId, fileName, directiveText, proposal, user, now, null);
    }

    public async Task<PlanDraft?> GetAsync(long id, CancellationToken ct) => First(await QueryAsync("WHERE id = $id", ("$id", id), ct));

    /// <summary>Drafts not yet saved as a plan version, newest first.</summary>
    public Task<IReadOnlyList<PlanDraft>> OpenAsync(CancellationToken ct) => QueryAsync("WHERE saved_version IS NULL AND $none IS NULL", ("$none", null), ct);

    /// <summary>The newest draft saved as a version of <paramref name="planId"/> (its directive text is the plan's).</summary>
    public async Task<PlanDraft?> LatestSavedAsync(string planId, CancellationToken ct) =>
        First(await QueryAsync("WHERE plan_id = $plan AND saved_version IS NOT NULL", ("$plan", planId), ct));

    public async Task MarkSavedAsync(long id, string planId, int version, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("UPDATE plan_drafts SET saved_version = $version, plan_id = $plan WHERE id = $id", ct, null,
            ("$version", version), ("$plan", planId), ("$id", id));
    }

    private static PlanDraft? First(IReadOnlyList<PlanDraft> drafts) => drafts.Count > 0 ? drafts[0] : null;

    private async Task<IReadOnlyList<PlanDraft>> QueryAsync(string where, (string, object?) parameter, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command(
            $"SELECT id, plan_id, file_name, directive_text, body, created_by, created_at, saved_version FROM plan_drafts {where} ORDER BY id DESC", null, parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<PlanDraft>();
        while (await reader.ReadAsync(ct))
        {
            var plan = PlanFile.Parse(reader.GetString(4), reader.GetString(1), json: true);
            list.Add(new PlanDraft(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), plan, reader.GetString(5),
                DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetInt32(7)));
        }

        return list;
    }
}
