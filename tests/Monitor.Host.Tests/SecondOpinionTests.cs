using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Host.Tagging.SecondOpinion;
using Monitor.Host.Tests.Support;
using Monitor.Reports.Narrative;
using Monitor.Reports.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Learning;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The language model's second opinion on borderline pairs, against an OpenAI-compatible endpoint the test
/// serves on 127.0.0.1, with its cache in a real SQLite store.</summary>
public sealed class SecondOpinionTests : IDisposable
{
    private static readonly Plan Plan = BorderlinePairs.Plan;
    private static readonly PlanMatcher Matcher = new(Plan);
    private readonly TempDir _dir = new();

    private static Article Road(int i) => BorderlinePairs.Road(i);

    private static Article Article(string id, string title, string text) =>
        new() { Id = id, Url = "", CanonicalUrl = "", Outlet = "x.vn", Title = title, Text = text, ContentHash = ArticleId.ContentHash(title, null, text) };

    private async Task<(LlmSecondOpinion Stage, ListLogger<LlmSecondOpinion> Log)> StageAsync(ChatEndpoint endpoint, int budget = 10, int timeout = 30)
    {
        var db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        var log = new ListLogger<LlmSecondOpinion>();
        var options = new LlmOptions { Endpoint = endpoint.Url, Model = "test-model", Key = "k", TimeoutSeconds = timeout };
        return (new LlmSecondOpinion(options, new HttpClient(), new SecondOpinions(db, TimeProvider.System), budget, log), log);
    }

    private static async Task<ThemeMatch> ReviewAsync(LlmSecondOpinion stage, Article article) =>
        Assert.Single((await stage.ReviewAsync(article, Matcher.Tag(article), Plan, 1, null, Matcher.Threshold, CancellationToken.None)).Themes);

    [Fact]
    public async Task A_clear_no_on_a_borderline_pair_makes_it_a_mention_and_the_question_carries_the_theme_and_the_article()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không."));
        var (stage, log) = await StageAsync(endpoint);
        var road = Road(1);
        Assert.Equal(ThemeGrade.Partial, Assert.Single(Matcher.Tag(road).Themes).Grade);

        var reviewed = await ReviewAsync(stage, road);

        Assert.Equal(ThemeGrade.Mention, reviewed.Grade);
        Assert.Empty(log.Warnings);
        var question = Assert.Single(endpoint.Requests).RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
        Assert.Contains("Chủ đề 2.5: Kỳ họp thứ 8, Quốc hội khóa XV", question, StringComparison.Ordinal);
        Assert.Contains("Khởi công đường vành đai 1", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_answer_is_used_without_a_request_even_in_a_new_run()
    {
        await using (var first = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không")))
        {
            await ReviewAsync((await StageAsync(first)).Stage, Road(1));
        }

        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Có"));
        var (stage, _) = await StageAsync(endpoint, budget: 1);

        Assert.Equal(ThemeGrade.Mention, (await ReviewAsync(stage, Road(1))).Grade);
        Assert.Empty(endpoint.Requests);
        Assert.Equal(0, stage.Asked);
    }

    [Fact]
    public async Task A_garbage_answer_keeps_the_rules_grade_with_one_warning_and_is_not_cached()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Tôi nghĩ bài này có lẽ liên quan phần nào đến kỳ họp"));
        var (stage, log) = await StageAsync(endpoint);

        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(1))).Grade);
        Assert.Contains("câu trả lời không đọc được", Assert.Single(log.Warnings), StringComparison.Ordinal);
        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(1))).Grade);
        Assert.Equal(2, endpoint.Requests.Count);   // asked again: nothing unreadable is kept
    }

    [Fact]
    public async Task A_slow_endpoint_keeps_the_rules_grade_with_one_warning_and_is_not_asked_again_in_the_run()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        var (stage, log) = await StageAsync(endpoint, timeout: 1);

        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(1))).Grade);
        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(2))).Grade);

        Assert.Contains("quá 1 giây", Assert.Single(log.Warnings), StringComparison.Ordinal);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task Past_the_budget_the_rules_grades_stay_with_one_warning()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        var (stage, log) = await StageAsync(endpoint, budget: 1);

        Assert.Equal(ThemeGrade.Mention, (await ReviewAsync(stage, Road(1))).Grade);
        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(2))).Grade);
        Assert.Equal(ThemeGrade.Partial, (await ReviewAsync(stage, Road(3))).Grade);

        Assert.Single(endpoint.Requests);
        Assert.Contains("hết ngân sách 1 câu hỏi", Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_primary_hit_is_not_borderline_and_costs_no_request()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        var (stage, _) = await StageAsync(endpoint);
        var session = Article("s", "Quốc hội thông qua Luật Nhà giáo", "Với đa số đại biểu tán thành, Quốc hội biểu quyết thông qua luật.");

        Assert.Equal(ThemeGrade.Primary, (await ReviewAsync(stage, session)).Grade);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [InlineData("Có", true)]
    [InlineData("có.", true)]
    [InlineData("KHÔNG", false)]
    [InlineData("Khong", false)]
    [InlineData("Yes", true)]
    [InlineData("Có thể", null)]
    [InlineData("", null)]
    public void Only_a_short_yes_or_no_is_read_as_an_answer(string answer, bool? read) => Assert.Equal(read, LlmSecondOpinion.Read(answer));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
