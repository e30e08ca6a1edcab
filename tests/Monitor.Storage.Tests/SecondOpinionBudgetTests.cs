using Microsoft.Data.Sqlite;
using Monitor.Storage.Learning;
using Monitor.Tests.Shared;

namespace Monitor.Storage.Tests;

/// <summary>The language model's daily budget per deployment (schema step 16): questions reserved in the shared SQLite
/// store by any number of processes never exceed the day's budget; each Vietnamese day has its own.</summary>
public sealed class SecondOpinionBudgetTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Day = new(2024, 11, 20);
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Two_databases_over_one_data_directory_reserving_at_once_get_exactly_the_days_budget()
    {
        // Two openings of the same file, as two tagger processes have: separate connections and pools.
        var first = new SecondOpinionBudget(await MonitorDatabase.OpenAsync(_dir.Path, Ct));
        var second = new SecondOpinionBudget(await MonitorDatabase.OpenAsync(_dir.Path, Ct));

        var granted = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryReserveAsync(Day, 7, Ct))));

        Assert.Equal(7, granted.Count(g => g));
        Assert.Equal(7, await first.UsedAsync(Day, Ct));
        Assert.False(await second.TryReserveAsync(Day, 7, Ct));
        // A process configured with a larger budget may go on up to its own; the next day starts from nothing.
        Assert.True(await second.TryReserveAsync(Day, 8, Ct));
        Assert.Equal((8, 0), (await second.UsedAsync(Day, Ct), await first.UsedAsync(Day.AddDays(1), Ct)));
        Assert.True(await first.TryReserveAsync(Day.AddDays(1), 7, Ct));
        Assert.False(await first.TryReserveAsync(Day.AddDays(2), 0, Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
