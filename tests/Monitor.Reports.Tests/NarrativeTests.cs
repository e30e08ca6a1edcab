using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Time;
using Monitor.Reports.Narrative;
using Monitor.Reports.Summary;
using Monitor.Reports.Tests.Support;

namespace Monitor.Reports.Tests;

/// <summary>The optional narrative against an OpenAI-compatible chat-completions endpoint served by the test on 127.0.0.1.</summary>
public sealed class NarrativeTests
{
    private static async Task<(string? Narrative, ListLogger<NarrativeWriter> Log, WeeklySummary Summary)> WriteAsync(ChatEndpoint endpoint, string key = "k", int timeout = 30)
    {
        await using var store = await SummaryStore.CreateAsync();
        var summary = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W47"), CancellationToken.None))!;
        var log = new ListLogger<NarrativeWriter>();
        var writer = new NarrativeWriter(new LlmOptions { Endpoint = endpoint.Url, Model = "test-model", Key = key, TimeoutSeconds = timeout }, new HttpClient(), log);
        return (await writer.WriteAsync(summary, CancellationToken.None), log, summary);
    }

    [Fact]
    public async Task A_paragraph_whose_numbers_are_all_facts_is_kept_and_the_model_was_given_only_the_facts()
    {
        const string Answer = "Tuần 47/2024 có 2 tin, bài về kế hoạch, bằng tuần trước; Báo Kon Tum mới có 3/4 tin, bài theo chỉ tiêu.";
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says(Answer));

        var (narrative, log, summary) = await WriteAsync(endpoint);

        Assert.Equal(Answer, narrative);
        Assert.Empty(log.Warnings);
        var messages = Assert.Single(endpoint.Requests).RootElement.GetProperty("messages");
        var facts = JsonDocument.Parse(messages.EnumerateArray().Last().GetProperty("content").GetString()!);
        Assert.Equal(summary.Articles, facts.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal("test-model", endpoint.Requests[0].RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task An_answer_with_a_number_not_in_the_facts_falls_back_with_one_warning()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Tuần này có 17 tin, bài, tăng mạnh."));

        var (narrative, log, _) = await WriteAsync(endpoint);

        Assert.Null(narrative);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("có số không nằm trong dữ kiện (17)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_endpoint_falls_back_after_the_timeout_with_one_warning()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));

        var (narrative, log, _) = await WriteAsync(endpoint, timeout: 1);

        Assert.Null(narrative);
        Assert.Contains("quá 1 giây", Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_falls_back_with_one_warning()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(async ctx =>
        {
            ctx.Response.StatusCode = 401;
            await ctx.Response.WriteAsJsonAsync(new { error = new { message = "Incorrect API key provided", type = "invalid_request_error", code = "invalid_api_key" } });
        });

        var (narrative, log, _) = await WriteAsync(endpoint, key: "wrong");

        Assert.Null(narrative);
        var warning = Assert.Single(log.Warnings);
        Assert.StartsWith("bỏ qua đoạn tóm tắt của mô hình ngôn ngữ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_asked()
    {
        await using var store = await SummaryStore.CreateAsync();
        var summary = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W47"), CancellationToken.None))!;
        var writer = new NarrativeWriter(new LlmOptions(), new HttpClient(), new ListLogger<NarrativeWriter>());
        Assert.Null(await writer.WriteAsync(summary, CancellationToken.None));
    }
}
