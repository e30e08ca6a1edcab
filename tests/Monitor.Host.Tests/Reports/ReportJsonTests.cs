using System.Text.Json;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Contract;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests.Reports;

/// <summary>report ... --format json prints, per plan, the typed rows the JSON API answers: numbers as JSON numbers,
/// equal to the store's answers.</summary>
[Trait("Category", "Process")]
public sealed class ReportJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] QuotaNumbers = ["quota", "count", "periodsElapsed", "required", "delivered", "remaining"];

    [Fact]
    public async Task Coverage_json_rows_are_theme_outlet_period_and_articles_as_a_number_equal_to_the_stores_counts()
    {
        using var dir = new TempDir();
        var (store, plan) = await FillAsync(dir.Path);
        var expected = await store.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Month), CancellationToken.None);

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "coverage", "--plan", "w46", "--period", "month", "--as-of", "2024-12-31",
            "--format", "json", "--data-dir", dir.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(string.Join('\n', run.Lines));
        var answer = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("w46", answer.GetProperty("plan").GetString());
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("version").ValueKind);
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(["theme", "outlet", "period", "articles"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("articles").ValueKind));
        Assert.Equal(expected.Cells.Select(c => (c.Theme, c.Outlet, c.Period, c.Articles)),
            rows.Select(r => (r.GetProperty("theme").GetString()!, r.GetProperty("outlet").GetString()!, r.GetProperty("period").GetString()!, r.GetProperty("articles").GetInt32())));
        // Two months of the fixture, both outlets: a table of strings would have hidden any of these.
        Assert.Contains(rows, r => r.GetProperty("period").GetString() == "2024-12" && r.GetProperty("articles").GetInt32() == 1);
    }

    [Fact]
    public async Task Quota_and_gap_json_rows_carry_typed_numbers_and_codes_equal_to_the_stores_answers()
    {
        using var dir = new TempDir();
        var (store, plan) = await FillAsync(dir.Path);
        var asOf = new DateOnly(2024, 11, 24);
        var quotas = CoverageRows.Of(await store.QuotasAsync(plan, asOf, QuotaDetail.Articles, CancellationToken.None));
        var gaps = CoverageRows.Of(await store.GapsAsync(plan, asOf, CancellationToken.None));

        var quotaRun = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "quotas", "--plan", "w46", "--as-of", "2024-11-24", "--format", "json", "--data-dir", dir.Path);
        var gapRun = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "gaps", "--plan", "w46", "--as-of", "2024-11-24", "--format", "json", "--data-dir", dir.Path);

        Assert.Equal(0, quotaRun.ExitCode);
        Assert.Equal(0, gapRun.ExitCode);
        using var q = JsonDocument.Parse(string.Join('\n', quotaRun.Lines));
        using var g = JsonDocument.Parse(string.Join('\n', gapRun.Lines));
        var quotaRows = q.RootElement[0].GetProperty("rows");
        var first = quotaRows[0];
        Assert.Equal(1, first.GetProperty("quota").GetInt32());
        Assert.Equal(CoverageFixture.A, first.GetProperty("outlet").GetString());
        Assert.Equal((4, 3, 1, "behind", false), (first.GetProperty("required").GetInt32(), first.GetProperty("delivered").GetInt32(), first.GetProperty("remaining").GetInt32(),
            first.GetProperty("progress").GetString(), first.GetProperty("onTrack").GetBoolean()));
        Assert.All(quotaRows.EnumerateArray(), r => Assert.All(QuotaNumbers,
            n => Assert.Equal(JsonValueKind.Number, r.GetProperty(n).ValueKind)));
        Assert.Equal(quotas, quotaRows.Deserialize<List<QuotaStatusRow>>(Web)!, new JsonEquality<QuotaStatusRow>());
        var gapRows = g.RootElement[0].GetProperty("rows");
        Assert.Equal(gaps, gapRows.Deserialize<List<GapRow>>(Web)!, new JsonEquality<GapRow>());
        Assert.Equal("uncovered", gapRows.EnumerateArray().Single(r => r.GetProperty("theme").GetString() == "2.5").GetProperty("kind").GetString());
        Assert.All(gapRows.EnumerateArray(), r => Assert.Equal(JsonValueKind.Number, r.GetProperty("articles").ValueKind));
    }

    private static async Task<(SqliteCoverageStore Store, Monitor.Storage.Plans.StoredPlan Plan)> FillAsync(string dir)
    {
        var db = await MonitorDatabase.OpenAsync(dir, CancellationToken.None);
        await CoverageFixture.FillAsync(db);
        var store = new SqliteCoverageStore(db, TimeProvider.System);
        var plan = (await store.PlanInForceAsync("w46", new DateOnly(2024, 11, 24), CancellationToken.None))!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (store, plan);
    }

    /// <summary>Records holding lists compare by reference; their JSON compares by value.</summary>
    private sealed class JsonEquality<T> : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => JsonSerializer.Serialize(x, Web) == JsonSerializer.Serialize(y, Web);

        public int GetHashCode(T obj) => JsonSerializer.Serialize(obj, Web).GetHashCode(StringComparison.Ordinal);
    }
}
