using Microsoft.Data.Sqlite;

namespace Monitor.Storage.Users;

/// <summary>A person who may log in to the dashboards: role, password hash (made by the web role's hasher), lockout
/// state and, for an editor, the outlets they answer for.</summary>
public sealed record StoredUser(string Name, string Role, string PasswordHash, int FailedLogins, DateTimeOffset? LockedUntil, IReadOnlyList<string> Outlets);

/// <summary>The dashboards' users in the store (schema step 4). Hashing and the lockout policy are the caller's.</summary>
public sealed class UserStore(MonitorDatabase db, TimeProvider time)
{
    /// <summary>Adds a user, or replaces the role, hash and outlets of an existing one (a password reset); unlocks.</summary>
    public async Task SaveAsync(string name, string role, string passwordHash, IReadOnlyCollection<string> outlets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO users (name, role, password_hash, created_at) VALUES ($name, $role, $hash, $now)
            ON CONFLICT (name) DO UPDATE SET role = $role, password_hash = $hash, failed_logins = 0, locked_until = NULL
            """, ct, tx, ("$name", name), ("$role", role), ("$hash", passwordHash), ("$now", Articles.ArticleWriter.Iso(time.GetUtcNow())));
        await connection.ExecuteAsync("DELETE FROM user_outlets WHERE user_name = $name", ct, tx, ("$name", name));
        foreach (var outlet in outlets.Distinct())
        {
            await connection.ExecuteAsync("INSERT INTO user_outlets (user_name, outlet) VALUES ($name, $outlet)", ct, tx, ("$name", name), ("$outlet", outlet));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>True when the user existed.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM users WHERE name = $name", ct, null, ("$name", name)) > 0;
    }

    public async Task<StoredUser?> GetAsync(string name, CancellationToken ct) => await QueryAsync(name, ct) is [var user] ? user : null;

    public Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken ct) => QueryAsync(null, ct);

    /// <summary>Counts a failed login; locks the user until <paramref name="lockFor"/> from now when the count reaches
    /// <paramref name="maxFailures"/> (the count starts again). Returns the lock's end when it locked.</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string name, int maxFailures, TimeSpan lockFor, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        var failures = await connection.ScalarAsync<long>("UPDATE users SET failed_logins = failed_logins + 1 WHERE name = $name RETURNING failed_logins", ct, null, ("$name", name));
        if (failures < maxFailures)
        {
            return null;
        }

        var until = time.GetUtcNow() + lockFor;
        await connection.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = $until WHERE name = $name", ct, null,
            ("$name", name), ("$until", Articles.ArticleWriter.Iso(until)));
        return until;
    }

    public async Task RecordSuccessAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = $name", ct, null, ("$name", name));
    }

    private async Task<IReadOnlyList<StoredUser>> QueryAsync(string? name, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT u.name, u.role, u.password_hash, u.failed_logins, u.locked_until, (SELECT json_group_array(outlet) FROM user_outlets o WHERE o.user_name = u.name)
            FROM users u WHERE $name IS NULL OR u.name = $name ORDER BY u.name
            """, null, ("$name", name));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(ct))
        {
            users.Add(new StoredUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.NullableString(4) is { } l ? DateTimeOffset.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : null,
                System.Text.Json.JsonSerializer.Deserialize<string[]>(reader.GetString(5))!.Order(StringComparer.Ordinal).ToList()));
        }

        return users;
    }
}
