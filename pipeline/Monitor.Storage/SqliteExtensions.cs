using Microsoft.Data.Sqlite;

namespace Monitor.Storage;

/// <summary>Small helpers over Microsoft.Data.Sqlite, so that call sites read as SQL plus parameters.</summary>
internal static class SqliteExtensions
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

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, tx, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T?> ScalarAsync<T>(this SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, tx, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
