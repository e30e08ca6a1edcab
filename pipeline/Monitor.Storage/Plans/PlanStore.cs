using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Plans;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Plans;

/// <summary>A plan as stored: its id, version and when that version came into force.</summary>
public sealed record StoredPlan(string Id, int Version, DateTimeOffset LoadedAt, Plan Plan)
{
    /// <summary>Who saved the version from the dashboard; null for a plan loaded by a command.</summary>
    public string? SavedBy { get; init; }
}

/// <summary>A stored version as a save that lost the race is told of it: its number, who saved it, when.</summary>
public sealed record PlanVersionSaved(int Version, string? SavedBy, DateTimeOffset SavedAt);

/// <summary>What a save based on a known version did: stored a new version, found nothing changed (Changed false), or was
/// refused because newer versions than the base were saved meanwhile (Stored null, <see cref="Newer"/> lists them).</summary>
public sealed record PlanSave(StoredPlan? Stored, bool Changed, IReadOnlyList<PlanVersionSaved> Newer);

/// <summary>Keeps every version of every plan: loading an edited plan adds a version, loading the same plan again does not.</summary>
public sealed class PlanStore(MonitorDatabase db, TimeProvider time)
{
    public async Task<StoredPlan> SaveAsync(Plan plan, CancellationToken ct) => (await SaveAsync(plan, null, null, ct)).Stored!;

    /// <summary>Stores a new version unless the plan is unchanged. With <paramref name="basedOn"/> (the version an edit
    /// started from) the save is optimistic: when the newest version is another, nothing is stored and the versions saved
    /// since are returned. The check and the insert are one immediate transaction, so of two saves based on the same
    /// version exactly one wins, in every process over the store.</summary>
    public async Task<PlanSave> SaveAsync(Plan plan, string? savedBy, int? basedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var id = plan.Id ?? throw new ArgumentException("a plan needs an id to be stored", nameof(plan));
        // The last guard for plans that did not come through the checker (an editor, a program): coverage and quotas
        // key on theme codes and count down from positive counts.
        if (plan.Themes.GroupBy(t => t.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new PlanFormatException($"kế hoạch {id}: mã chủ đề '{twice.Key}' xuất hiện {twice.Count()} lần; mỗi chủ đề cần một mã riêng");
        }

        if (plan.Quotas.FirstOrDefault(q => q.Count <= 0) is { } quota)
        {
            throw new PlanFormatException($"kế hoạch {id}: chỉ tiêu '{quota.Theme ?? quota.Text}' có count = {quota.Count}; count phải là số nguyên dương");
        }

        var body = PlanFile.ToJson(plan);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var latest = await LatestAsync(connection, tx, id, ct);
        if (latest is not null && latest.Value.Hash == hash)
        {
            return new PlanSave(new StoredPlan(id, latest.Value.Version, latest.Value.LoadedAt, plan) { SavedBy = latest.Value.SavedBy }, false, []);
        }

        if (basedOn is { } known && (latest?.Version ?? 0) != known)
        {
            return new PlanSave(null, false, await SavedSinceAsync(connection, tx, id, known, ct));
        }

        var version = (latest?.Version ?? 0) + 1;
        var now = time.GetUtcNow();
        await connection.ExecuteAsync("INSERT INTO plans (plan_id, version, content_hash, body, loaded_at, saved_by) VALUES ($id, $v, $h, $b, $now, $by)", ct, tx,
            ("$id", id), ("$v", version), ("$h", hash), ("$b", body), ("$now", ArticleWriter.Iso(now)), ("$by", savedBy));
        await tx.CommitAsync(ct);
        return new PlanSave(new StoredPlan(id, version, now, plan) { SavedBy = savedBy }, true, []);
    }

    private static async Task<IReadOnlyList<PlanVersionSaved>> SavedSinceAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string id, int version, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT version, saved_by, loaded_at FROM plans WHERE plan_id = $id AND version > $v ORDER BY version", tx, ("$id", id), ("$v", version));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<PlanVersionSaved>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new PlanVersionSaved(reader.GetInt32(0), reader.NullableString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>The newest version of each stored plan.</summary>
    public async Task<IReadOnlyList<StoredPlan>> LatestAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT p.plan_id, p.version, p.loaded_at, p.body, p.saved_by FROM plans p
            WHERE p.version = (SELECT MAX(version) FROM plans q WHERE q.plan_id = p.plan_id) ORDER BY p.plan_id
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var plans = new List<StoredPlan>();
        while (await reader.ReadAsync(ct))
        {
            var plan = PlanFile.Parse(reader.GetString(3), reader.GetString(0), json: true);
            plan.Id = reader.GetString(0);
            plans.Add(new StoredPlan(plan.Id, reader.GetInt32(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), plan) { SavedBy = reader.NullableString(4) });
        }

        return plans;
    }

    /// <summary>Every stored version of one plan, oldest first; empty for an unknown plan.</summary>
    public async Task<IReadOnlyList<StoredPlan>> VersionsAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT version, loaded_at, body, saved_by FROM plans WHERE plan_id = $id ORDER BY version", null, ("$id", planId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<StoredPlan>();
        while (await reader.ReadAsync(ct))
        {
            var plan = PlanFile.Parse(reader.GetString(2), planId, json: true);
            plan.Id = planId;
            versions.Add(new StoredPlan(planId, reader.GetInt32(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), plan) { SavedBy = reader.NullableString(3) });
        }

        return versions;
    }

    private static async Task<(int Version, string Hash, DateTimeOffset LoadedAt, string? SavedBy)?> LatestAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string id, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT version, content_hash, loaded_at, saved_by FROM plans WHERE plan_id = $id ORDER BY version DESC LIMIT 1", tx, ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt32(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), reader.NullableString(3))
            : null;
    }
}
