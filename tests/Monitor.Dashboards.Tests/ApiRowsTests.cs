using System.Net;
using System.Text.Json;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>The quota, gap and event API answer the typed rows <c>monitor report ... --format json</c> prints (one set of
/// records, CoverageRows), numbers as JSON numbers and equal to the store's answers; the server times its answers.</summary>
public sealed class ApiRowsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateOnly AsOf = new(2024, 11, 24);
    private static readonly string[] QuotaNumbers = ["quota", "count", "periodsElapsed", "periodsCompleted", "required", "delivered", "remaining"];

    [Fact]
    public async Task Quota_rows_are_typed_and_equal_the_stores_quotas_as_of_the_day_asked()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Editor, Ct);
        var expected = CoverageRows.Of(await new SqliteCoverageStore(site.Db, TimeProvider.System).QuotasAsync(site.Plan, AsOf, QuotaDetail.Counts, Ct));

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/quotas?asof=2024-11-24", Ct));

        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.All(QuotaNumbers,
            n => Assert.Equal(JsonValueKind.Number, row.GetProperty(n).ValueKind));
        // Two weeks of the window are over: 4 required, fewer delivered (DashboardSite).
        Assert.Equal((1, 4, "behind", false), (row.GetProperty("quota").GetInt32(), row.GetProperty("required").GetInt32(), row.GetProperty("progress").GetString(),
            row.GetProperty("onTrack").GetBoolean()));
        Assert.Equal(expected[0].Delivered, row.GetProperty("delivered").GetInt32());
        Assert.Equal(JsonSerializer.Serialize(expected, Web), JsonSerializer.Serialize(json.RootElement.Deserialize<List<QuotaStatusRow>>(Web), Web));
        // The counts only by default; ids=true lists the counted articles, as the store does.
        Assert.Equal(JsonValueKind.Null, row.GetProperty("articleIds").ValueKind);
        var listed = CoverageRows.Of(await new SqliteCoverageStore(site.Db, TimeProvider.System).QuotasAsync(site.Plan, AsOf, QuotaDetail.Articles, Ct));
        using var withIds = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/quotas?asof=2024-11-24&ids=true", Ct));
        Assert.Equal(expected[0].Delivered, withIds.RootElement[0].GetProperty("articleIds").GetArrayLength());
        Assert.Equal(JsonSerializer.Serialize(listed, Web), JsonSerializer.Serialize(withIds.RootElement.Deserialize<List<QuotaStatusRow>>(Web), Web));
    }

    [Fact]
    public async Task A_quotas_articles_are_the_ones_it_counted_newest_first_with_its_count_as_the_total()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        var quota = Assert.Single(await new SqliteCoverageStore(site.Db, TimeProvider.System).QuotasAsync(site.Plan, AsOf, QuotaDetail.Articles, Ct));
        var expected = await new SqliteArticleStore(site.Db).ByIdsAsync(site.Plan.Id, quota.ArticleIds!, Ct);

        var path = $"/api/plans/w46/articles?asof=2024-11-24&quota=1&quota_outlet={Uri.EscapeDataString(quota.Outlet)}";
        using var first = JsonDocument.Parse(await http.GetStringAsync(path, Ct));
        using var past = JsonDocument.Parse(await http.GetStringAsync(path + "&offset=" + quota.Delivered, Ct));

        Assert.True(quota.Delivered > 0);
        Assert.Equal(quota.Delivered, first.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(expected.Select(a => a.Id), first.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal((quota.Delivered, 0), (past.RootElement.GetProperty("total").GetInt32(), past.RootElement.GetProperty("articles").GetArrayLength()));
    }

    [Fact]
    public async Task Gap_rows_name_each_themes_kind_as_a_code_with_counts_as_numbers_and_the_missing_outlets_health()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Leader, Ct);
        var expected = CoverageRows.Of(await new SqliteCoverageStore(site.Db, TimeProvider.System).GapsAsync(site.Plan, AsOf, Ct));

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/gaps?asof=2024-11-24", Ct));
        using var bad = await http.GetAsync("/api/plans/w46/events?days=-1", Ct);
        using var events = await http.GetAsync("/api/plans/w46/events", Ct);

        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("theme").GetString()!);
        Assert.Equal(["1.2", "2.5", "3.1"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("uncovered", rows["2.5"].GetProperty("kind").GetString());
        Assert.Equal((3, 2), (rows["3.1"].GetProperty("articles").GetInt32(), rows["3.1"].GetProperty("stories").GetInt32()));
        Assert.Contains(rows["2.5"].GetProperty("health").EnumerateArray(), h => h.GetProperty("outlet").GetString() == DashboardSite.PausedOutlet && h.GetProperty("state").GetString() == "paused");
        Assert.Equal(JsonSerializer.Serialize(expected, Web), JsonSerializer.Serialize(json.RootElement.Deserialize<List<GapRow>>(Web), Web));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Matches(@"^app;dur=\d+(\.\d+)?$", events.Headers.GetValues("Server-Timing").Single());
    }
}
