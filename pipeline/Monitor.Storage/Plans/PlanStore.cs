using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Plans;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Plans;

/// <summary>A plan as stored: its id, version and when that version came into force.</summary>
public sealed record StoredPlan(string Id, int Version, DateTimeOffset LoadedAt, Plan Plan);

/// <summary>Keeps every version of every plan: loading an edited plan adds a version, loading the same plan again does not.</summary>
public sealed class PlanStore(MonitorDatabase db, TimeProvider time)
{
    public async Task<StoredPlan> SaveAsync(Plan plan, CancellationToken ct)
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
            return new StoredPlan(id, latest.Value.Version, latest.Value.LoadedAt, plan);
        }

        var version = (latest?.Version ?? 0) + 1;
        var now = time.GetUtcNow();
        await connection.ExecuteAsync("INSERT INTO plans (plan_id, version, content_hash, body, loaded_at) VALUES ($id, $v, $h, $b, $now)", ct, tx,
            ("$id", id), ("$v", version), ("$h", hash), ("$b", body), ("$now", ArticleWriter.Iso(now)));
        await tx.CommitAsync(ct);
        return new StoredPlan(id, version, now, plan);
    }

    /// <summary>The newest version of each stored plan.</summary>
    public async Task<IReadOnlyList<StoredPlan>> LatestAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT p.plan_id, p.version, p.loaded_at, p.body FROM plans p
            WHERE p.version = (SELECT MAX(version) FROM plans q WHERE q.plan_id = p.plan_id) ORDER BY p.plan_id
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var plans = new List<StoredPlan>();
        while (await reader.ReadAsync(ct))
        {
            var plan = PlanFile.Parse(reader.GetString(3), reader.GetString(0), json: true);
            plan.Id = reader.GetString(0);
            plans.Add(new StoredPlan(plan.Id, reader.GetInt32(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), plan));
        }

        return plans;
    }

    /// <summary>Every stored version of one plan, oldest first; empty for an unknown plan.</summary>
    public async Task<IReadOnlyList<StoredPlan>> VersionsAsync(string planId, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT version, loaded_at, body FROM plans WHERE plan_id = $id ORDER BY version", null, ("$id", planId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<StoredPlan>();
        while (await reader.ReadAsync(ct))
        {
            var plan = PlanFile.Parse(reader.GetString(2), planId, json: true);
            plan.Id = planId;
            versions.Add(new StoredPlan(planId, reader.GetInt32(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), plan));
        }

        return versions;
    }

    private static async Task<(int Version, string Hash, DateTimeOffset LoadedAt)?> LatestAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string id, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT version, content_hash, loaded_at FROM plans WHERE plan_id = $id ORDER BY version DESC LIMIT 1", tx, ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt32(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }
}
