using System.Globalization;

namespace Monitor.Storage.Learning;

/// <summary>The language model's daily budget of the long-running taggers, counted in the store every role shares
/// (schema step 16): one row per Vietnamese day. A question is reserved before it is sent, in one statement that adds it
/// only while the day's count is under the budget, so any number of processes over the data directory (the embedded
/// worker, Kafka taggers) send at most one budget a day between them.</summary>
public sealed class SecondOpinionBudget(MonitorDatabase db)
{
    /// <summary>Reserves one question of <paramref name="day"/>: true when the day had fewer than <paramref name="budget"/>
    /// (it now has one more), false when it is spent.</summary>
    public async Task<bool> TryReserveAsync(DateOnly day, int budget, CancellationToken ct)
    {
        if (budget <= 0)
        {
            return false;
        }

        await using var connection = await db.ConnectAsync(ct);
        // The conflict's update runs only under the budget; when it does not, the statement returns no row.
        var command = connection.Cached("""
            INSERT INTO second_opinion_days (day, used) VALUES ($day, 1)
            ON CONFLICT (day) DO UPDATE SET used = used + 1 WHERE used < $budget
            RETURNING used
            """, null, ("$day", Key(day)), ("$budget", budget));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct);
    }

    /// <summary>Questions reserved on <paramref name="day"/> by every process.</summary>
    public async Task<int> UsedAsync(DateOnly day, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        return (int)await connection.ScalarAsync<long>("SELECT coalesce((SELECT used FROM second_opinion_days WHERE day = $day), 0)", ct, null, ("$day", Key(day)));
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
