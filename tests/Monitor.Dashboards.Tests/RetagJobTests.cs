using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Plans;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>The dashboard's re-tag kept in a real SQLite store (schema step 15): a restarted web role shows the last job
/// as it ended, two web roles over one store see one job and never run two at once, a job whose process stopped reads
/// as interrupted instead of running forever.</summary>
public sealed class RetagJobTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_finished_retag_is_shown_after_a_restart_with_its_numbers_who_started_it_and_when()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using (var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct))
        {
            await StartAsync(analyst);
            Assert.True(await Eventually.TrueAsync(async () => (await StatusAsync(analyst))?.State == "done", Deadline), "the re-tag ends");
        }

        RetagStatus? before;
        using (var reader = await site.ClientAsync(MonitorRoles.Admin, Ct))
        {
            before = await StatusAsync(reader);
        }

        await site.RestartAsync(Ct);
        using var admin = await site.ClientAsync(MonitorRoles.Admin, Ct);

        var after = await StatusAsync(admin);
        Assert.Equal(before, after);
        Assert.Equal(("w46", 1, "done", 5L, 5L, "analyst"), (after!.Plan, after.Version, after.State, after.Done, after.Total, after.User));
        Assert.StartsWith("Đã gắn lại 5 bài", after.Message, StringComparison.Ordinal);
        Assert.NotNull(after.Finished);
        var page = await admin.GetStringAsync("/plans/w46/retag", Ct);
        Assert.Contains("Bắt đầu bởi analyst lúc", page, StringComparison.Ordinal);
        Assert.Contains("data-state=\"done\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_web_roles_over_one_store_see_the_same_job_and_a_second_start_while_it_runs_gets_the_running_one()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await using var other = await site.StartAnotherAsync(Ct);
        using var here = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        using var there = await DashboardSite.ClientAsync(other.Urls.First(), MonitorRoles.Admin, Ct);

        // A run the second role started and is still reporting: the first role shows it, and its button starts nothing new.
        var store = other.Services.GetRequiredService<RetagJobStore>();
        var (running, started) = await store.StartAsync("w46", 1, "admin", Ct);
        Assert.True(started);
        await store.ProgressAsync(running.Id, 2, 5, Ct);
        await StartAsync(here);
        var seen = await StatusAsync(here);
        Assert.Equal(("running", 2L, 5L, "admin", running.Started), (seen!.State, seen.Done, seen.Total, seen.User, seen.Started));
        await store.FinishAsync(running.Id, RetagState.Done, "Đã gắn lại 5 bài.", Ct);
        Assert.Equal("done", (await StatusAsync(here))!.State);

        // A run the first role starts: the second role polls it to its end.
        await StartAsync(here);
        Assert.True(await Eventually.TrueAsync(async () => (await StatusAsync(there)) is { State: "done", User: "analyst", Done: 5 }, Deadline), "the other role sees the run end");
        Assert.Equal(await StatusAsync(here), await StatusAsync(there));
    }

    [Fact]
    public async Task A_job_whose_process_vanished_reads_as_interrupted_and_the_next_start_runs_anew()
    {
        var time = new ManualTime(TimeProvider.System.GetUtcNow());
        await using var site = await DashboardSite.StartAsync(Ct, time);
        using var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        // A process started a run, reported once and was killed: no heartbeat since.
        var store = site.Services.GetRequiredService<RetagJobStore>();
        var (left, _) = await store.StartAsync("w46", 1, "admin", Ct);
        await store.ProgressAsync(left.Id, 1, 5, Ct);
        Assert.Equal("running", (await StatusAsync(analyst))!.State);

        time.Now += RetagJobs.StaleAfter + TimeSpan.FromSeconds(1);
        var stale = await StatusAsync(analyst);
        Assert.Equal(("interrupted", 1L, 5L), (stale!.State, stale.Done, stale.Total));
        Assert.StartsWith("Bị gián đoạn: máy chủ dừng giữa chừng", stale.Message, StringComparison.Ordinal);

        await StartAsync(analyst);
        Assert.True(await Eventually.TrueAsync(async () => (await StatusAsync(analyst))?.State == "done", Deadline), "the new run ends");
        Assert.Equal(left.Id, await OldestAsync(site));
        Assert.Equal("interrupted", await StateOfAsync(site, left.Id));
    }

    [Fact]
    public async Task A_run_cut_short_by_a_stop_is_recorded_as_interrupted_with_its_progress_and_shown_so_after_the_restart()
    {
        var stuck = new StuckRetagger();
        await using var site = await DashboardSite.StartAsync(Ct, configure: s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreRetagger>(stuck)));
        using (var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct))
        {
            await StartAsync(analyst);
            Assert.True(await Eventually.TrueAsync(async () => (await StatusAsync(analyst)) is { State: "running", Done: 3, Total: 10 }, Deadline), "progress is stored while it runs");
        }

        await site.RestartAsync(Ct);
        using var admin = await site.ClientAsync(MonitorRoles.Admin, Ct);
        var status = await StatusAsync(admin);
        Assert.Equal(("interrupted", 3L, 10L), (status!.State, status.Done, status.Total));
        Assert.StartsWith("Bị gián đoạn: máy chủ dừng giữa chừng", status.Message, StringComparison.Ordinal);
        Assert.NotNull(status.Finished);
    }

    /// <summary>A store whose re-tag reports 3 of 10 articles and then waits until it is cancelled: a run long enough to
    /// stop the server in the middle of.</summary>
    private sealed class StuckRetagger : IStoreRetagger
    {
        public string Store => "chậm";

        public async Task<RetagSummary> RetagAsync(StoredPlan plan, IRetagReview? review, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
        {
            progress?.Report((3, 10));
            await Task.Delay(Timeout.Infinite, ct);
            return new RetagSummary(null, null, 10, 0, 0);
        }
    }

    /// <summary>Presses the re-tag button of plan w46 (a form POST with the page's antiforgery token).</summary>
    internal static async Task StartAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/plans/w46/retag", Ct);
        using var answer = await http.PostAsync("/plans/w46/retag", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DashboardSite.Antiforgery(form) }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    /// <summary>What the progress bar polls for plan w46; null before any re-tag.</summary>
    internal static async Task<RetagStatus?> StatusAsync(HttpClient http)
    {
        using var answer = await http.GetAsync("/api/plans/w46/retag", Ct);
        return answer.StatusCode == HttpStatusCode.NotFound ? null : await answer.Content.ReadFromJsonAsync<RetagStatus>(Ct);
    }

    private static async Task<long> OldestAsync(DashboardSite site)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(id) FROM retag_jobs";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<string> StateOfAsync(DashboardSite site, long id)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM retag_jobs WHERE id = " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
