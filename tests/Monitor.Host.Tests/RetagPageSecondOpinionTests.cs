using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Dashboards;
using Monitor.Dashboards.Plans;
using Monitor.Host.Composition;
using Monitor.Reports.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The Kế hoạch page's re-tag (<see cref="RetagJobs"/>, composed as <c>monitor serve</c> composes it) asks the
/// language model about borderline pairs as <c>monitor retag</c> does: budget <c>Monitor:Llm:SecondOpinion:Budget</c> per
/// re-tag, the same cache, and its progress line says how many pairs were reviewed; against an OpenAI-compatible
/// endpoint served on 127.0.0.1 and a real SQLite store.</summary>
public sealed class RetagPageSecondOpinionTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();

    private async Task<ServiceProvider> StartAsync(string endpoint, int? budget)
    {
        var db = await MonitorDatabase.OpenAsync(_dir.Path, Ct);
        var settings = new Dictionary<string, string?> { ["Monitor:Llm:Endpoint"] = endpoint, ["Monitor:Llm:Model"] = "test-model" };
        if (budget is { } b)
        {
            settings["Monitor:Llm:SecondOpinion:Budget"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddMonitorStore(db);
        services.AddMonitorDashboards();
        return services.BuildServiceProvider();
    }

    private static async Task<RetagStatus> RunAsync(RetagJobs jobs, StoredPlan plan)
    {
        await jobs.StartAsync(plan, "analyst", Ct);
        return await EndAsync(jobs, plan);
    }

    private static async Task<RetagStatus> EndAsync(RetagJobs jobs, StoredPlan plan)
    {
        RetagStatus? status = null;
        Assert.True(await Eventually.TrueAsync(async () => (status = await jobs.GetAsync(plan.Id, Ct)) is { State: not RetagState.Running }, Deadline), "the re-tag ends");
        Assert.Equal(RetagState.Done, status!.State);
        return status;
    }

    [Fact]
    public async Task The_pages_retag_asks_about_borderline_pairs_within_its_budget_and_its_progress_says_how_many_were_reviewed()
    {
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = 0;
        await using var endpoint = await ChatEndpoint.StartAsync(async ctx =>
        {
            // The second question waits until the test has seen the progress line count the first answer.
            if (Interlocked.Increment(ref requests) == 2)
            {
                await second.Task.WaitAsync(ctx.RequestAborted);
            }

            await ChatEndpoint.Says("Không")(ctx);
        });
        await using var services = await StartAsync(endpoint.Url, budget: 2);
        var plan = await RetagSecondOpinionTests.StoreAsync(services, articles: 3);
        var jobs = services.GetRequiredService<RetagJobs>();

        await jobs.StartAsync(plan, "analyst", Ct);
        RetagStatus? running = null;
        Assert.True(await Eventually.TrueAsync(async () => (running = await jobs.GetAsync(plan.Id, Ct))?.Message?.Contains("đã xem lại 1 cặp", StringComparison.Ordinal) == true, Deadline),
            "the progress line counts the first reviewed pair while the re-tag runs");
        Assert.Equal(RetagState.Running, running!.State);
        Assert.StartsWith("Đang gắn lại… Mô hình ngôn ngữ đã xem lại 1 cặp bài – chủ đề ở mức ranh giới", running.Message, StringComparison.Ordinal);
        second.SetResult();

        // Two questions: two pairs become mentions, the third keeps the rules' grade (partial, counted).
        var done = await EndAsync(jobs, plan);
        Assert.Contains("Ý kiến thứ hai của mô hình ngôn ngữ: đã xem lại 2 cặp bài – chủ đề ở mức ranh giới (0 câu trả lời lấy từ bộ nhớ đệm, 2 câu hỏi mới; ngân sách 2 câu hỏi mỗi lần gắn lại). Hết ngân sách",
            done.Message, StringComparison.Ordinal);
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal((1L, 2L), await RetagSecondOpinionTests.TagCountsAsync(services));

        // The next re-tag from the page has its own budget and finds the two answers in the cache: one question more.
        done = await RunAsync(jobs, plan);
        Assert.Contains("đã xem lại 3 cặp bài – chủ đề ở mức ranh giới (2 câu trả lời lấy từ bộ nhớ đệm, 1 câu hỏi mới; ngân sách 2 câu hỏi mỗi lần gắn lại).", done.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hết ngân sách", done.Message, StringComparison.Ordinal);
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Equal((0L, 3L), await RetagSecondOpinionTests.TagCountsAsync(services));
    }

    [Fact]
    public async Task Without_a_budget_the_pages_retag_asks_nothing_and_says_nothing_of_the_model()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        await using var services = await StartAsync(endpoint.Url, budget: null);
        var plan = await RetagSecondOpinionTests.StoreAsync(services, articles: 2);

        var done = await RunAsync(services.GetRequiredService<RetagJobs>(), plan);

        Assert.StartsWith("Đã gắn lại 2 bài", done.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mô hình ngôn ngữ", done.Message, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
        Assert.Equal((2L, 0L), await RetagSecondOpinionTests.TagCountsAsync(services));
    }

    [Fact]
    public async Task A_budget_without_an_endpoint_fails_the_pages_retag_with_the_settings_line()
    {
        await using var services = await StartAsync(null!, budget: 3);
        var plan = await RetagSecondOpinionTests.StoreAsync(services, articles: 1);
        var jobs = services.GetRequiredService<RetagJobs>();

        await jobs.StartAsync(plan, "analyst", Ct);
        RetagStatus? status = null;
        Assert.True(await Eventually.TrueAsync(async () => (status = await jobs.GetAsync(plan.Id, Ct)) is { State: not RetagState.Running }, Deadline), "the re-tag ends");
        Assert.Equal(RetagState.Failed, status!.State);
        Assert.StartsWith("Gắn lại thất bại: Monitor:Llm:SecondOpinion:Budget: cần cấu hình Monitor:Llm:Endpoint", status.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
