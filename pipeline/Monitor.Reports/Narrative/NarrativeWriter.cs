using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Monitor.Reports.Summary;

namespace Monitor.Reports.Narrative;

/// <summary>An optional Vietnamese paragraph on top of the summary, written by a language model through Semantic Kernel
/// from the computed facts only (the summary as JSON). Every number in the answer must be one of the facts' numbers;
/// an answer with another number, a timeout or an error gives no narrative and one warning line. Without
/// <c>Monitor:Llm</c> it returns null at once.</summary>
public sealed partial class NarrativeWriter(LlmOptions options, HttpClient http, ILogger<NarrativeWriter> log)
{
    private const string Instructions = """
        Bạn viết một đoạn văn tiếng Việt ngắn (3–5 câu) tóm tắt tình hình tuyên truyền trong tuần cho lãnh đạo,
        chỉ dựa trên dữ kiện JSON được cung cấp. Không thêm con số, tên cơ quan hay sự kiện nào không có trong dữ kiện.
        Không dùng định dạng Markdown, chỉ trả về đoạn văn.
        """;

    /// <summary>The summary with its narrative on top (or none: no setting, or the answer refused): what the weekly job
    /// archives and what <c>monitor summary</c> prints.</summary>
    public async Task<WeeklySummary> AddToAsync(WeeklySummary summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary with { Narrative = await WriteAsync(summary, ct) };
    }

    public async Task<string?> WriteAsync(WeeklySummary summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!options.Enabled)
        {
            return null;
        }

        var facts = JsonSerializer.Serialize(summary with { Narrative = null }, SummaryJson.Options);
        string? answer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
#pragma warning disable SKEXP0010 // A custom endpoint (vLLM, Ollama) is the point of this setting; the overload is marked experimental.
            var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint!), options.Key ?? "none", httpClient: http).Build();
#pragma warning restore SKEXP0010
            var chat = kernel.GetRequiredService<IChatCompletionService>();
            var history = new ChatHistory(Instructions);
            history.AddUserMessage(facts);
            var reply = await chat.GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 500 }, kernel, timeout.Token);
            answer = reply.Content?.Trim();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpOperationException or HttpRequestException or OperationCanceledException or KernelException
            or System.ClientModel.ClientResultException or JsonException)
        {
            var reason = e is OperationCanceledException ? $"quá {options.TimeoutSeconds} giây" : e.Message.ReplaceLineEndings(" ");
            log.LogWarning("bỏ qua đoạn tóm tắt của mô hình ngôn ngữ ({Endpoint}): {Reason}; dùng văn bản dựng sẵn", options.Endpoint, reason);
            return null;
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            log.LogWarning("bỏ qua đoạn tóm tắt của mô hình ngôn ngữ ({Endpoint}): câu trả lời rỗng; dùng văn bản dựng sẵn", options.Endpoint);
            return null;
        }

        var known = Numbers(facts).ToHashSet(StringComparer.Ordinal);
        var invented = Numbers(answer).Where(n => !known.Contains(n)).Distinct().ToList();
        if (invented.Count > 0)
        {
            log.LogWarning("bỏ qua đoạn tóm tắt của mô hình ngôn ngữ ({Endpoint}): có số không nằm trong dữ kiện ({Numbers}); dùng văn bản dựng sẵn",
                options.Endpoint, string.Join(", ", invented));
            return null;
        }

        return answer;
    }

    /// <summary>The digit runs of a text: "18/11/2024" is 18, 11 and 2024; "1.000" is 1 and 000, so a number written with a
    /// thousands separator must match the facts' digits as written there.</summary>
    /// <summary>Registers <paramref name="options"/> and the writer with its own HttpClient (a little longer than the
    /// model's timeout, which is the one that speaks).</summary>
    public static IServiceCollection Register(IServiceCollection services, LlmOptions options) => services
        .AddSingleton(options)
        .AddSingleton(sp => new NarrativeWriter(options, new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5) }, sp.GetRequiredService<ILogger<NarrativeWriter>>()));

    internal static IEnumerable<string> Numbers(string text) => Digits().Matches(text).Select(m => m.Value.TrimStart('0') is { Length: > 0 } n ? n : "0");

    [GeneratedRegex(@"\p{Nd}+")]
    private static partial Regex Digits();
}
