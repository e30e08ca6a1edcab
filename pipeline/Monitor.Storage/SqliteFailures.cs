using Microsoft.Data.Sqlite;

namespace Monitor.Storage;

/// <summary>Which SQLite errors mean "the store cannot take writes now" rather than "this message is bad".</summary>
public static class SqliteFailures
{
    // SQLITE_BUSY 5, LOCKED 6, NOMEM 7, READONLY 8 (a file or disk turned read-only), IOERR 10, CORRUPT is not here (it
    // does not pass by waiting), FULL 13, CANTOPEN 14, PROTOCOL 15. Extended codes carry the primary one in the low byte.
    private static readonly HashSet<int> Transient = [5, 6, 7, 8, 10, 13, 14, 15];

    /// <summary>For <see cref="Monitor.Core.Bus.BadMessagePolicy"/>: a busy, locked, full, read-only or failing disk.</summary>
    public static bool IsUnavailable(Exception error) =>
        (error is SqliteException { SqliteErrorCode: var code } && Transient.Contains(code & 0xFF)) || error is IOException;
}
