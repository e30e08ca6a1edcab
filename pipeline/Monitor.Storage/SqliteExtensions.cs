using Microsoft.Data.Sqlite;

namespace Monitor.Storage;

/// <summary>Small helpers over Microsoft.Data.Sqlite, so that call sites read as SQL plus parameters.</summary>
public static class SqliteExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>A command kept per connection and SQL text, its parameters replaced: a statement run once per article
    /// or tag is parsed once (with the triggers it sets off) rather than every time. Not to be disposed by the caller;
    /// it lives as long as its connection.</summary>
    public static SqliteCommand Cached(this SqliteConnection connection, string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cache = Prepared.GetOrCreateValue(connection);
        if (!cache.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache[sql] = command;
        }

        command.Transaction = tx;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null, params (string, object?)[] parameters) =>
        connection.Cached(sql, tx, parameters).ExecuteNonQueryAsync(ct);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = new();

    public static async Task<T?> ScalarAsync<T>(this SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        var value = await connection.Cached(sql, tx, parameters).ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
