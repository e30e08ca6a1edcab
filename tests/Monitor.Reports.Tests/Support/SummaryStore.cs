using Microsoft.Data.Sqlite;
using Monitor.Reports.Summary;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Storage.Contract;
using Monitor.Tests.Shared;

namespace Monitor.Reports.Tests.Support;

/// <summary>A real SQLite store holding the coverage fixture (plan "w46", articles a1–a7), with a summary builder on it.</summary>
internal sealed class SummaryStore : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    public MonitorDatabase Db { get; private set; } = null!;

    public StoredPlan Plan { get; private set; } = null!;

    public ManualTime Time { get; } = new(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public SqliteCoverageStore Coverage => new(Db, Time);

    public SummaryBuilder Builder => new(Coverage, new SqliteArticleStore(Db), Time);

    public string DataDir => _dir.Path;

    public static async Task<SummaryStore> CreateAsync()
    {
        var s = new SummaryStore();
        s.Db = await MonitorDatabase.OpenAsync(s._dir.Path, CancellationToken.None);
        s.Plan = await CoverageFixture.FillAsync(s.Db);
        return s;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
