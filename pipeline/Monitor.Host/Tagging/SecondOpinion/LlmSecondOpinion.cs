using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Text;
using Monitor.Reports.Narrative;
using Monitor.Storage.Learning;

namespace Monitor.Host.Tagging.SecondOpinion;

/// <summary>The optional third stage (issue 14 item 5): a language model, through Semantic Kernel and the
/// <c>Monitor:Llm</c> endpoint the summaries use, is asked about the borderline pairs only (<see cref="Borderline"/>),
/// at most <c>budget</c> questions per run; answers are cached in the store by (article content hash, plan version,
/// theme), so a cached pair costs no request. "Có" counts the theme (a mention becomes partial), "Không" makes it a
/// mention. Never required: an unreadable answer keeps the rule's grade with one warning line; a failure or a timeout
/// keeps it too, with one warning line, and stops asking for the rest of the run (an endpoint that is down is not
/// asked again and again); past the budget, one warning line and the rules' grades.</summary>
/// <param name="budget">Questions this stage may send.</param>
/// <param name="quietOverBudget">The embedded worker's later batches of a day whose budget is spent: no warning again.</param>
/// <param name="reserve">Also asked before each question, when given: the deployment's daily budget in the store
/// (<see cref="SecondOpinionBudget"/>); false = spent.</param>
/// <param name="period">What the budget is per, for the over-budget warning ("lần chạy này", a day).</param>
internal sealed class LlmSecondOpinion(LlmOptions options, HttpClient http, SecondOpinions cache, int budget, ILogger<LlmSecondOpinion> log, bool quietOverBudget = false,
    Func<CancellationToken, Task<bool>>? reserve = null, string period = "lần chạy này")
{
    private const int TextChars = 3000;
    private const string Instructions = """
        Bạn là chuyên viên theo dõi báo chí. Một bài viết được tính cho một chủ đề khi chủ đề là nội dung chính của bài
        hoặc bài dành hẳn một đoạn đáng kể cho chủ đề; nhắc qua một lần (một khẩu hiệu, một dịp được nêu tên) thì không tính.
        Trả lời đúng một từ: "Có" nếu bài được tính cho chủ đề, "Không" nếu không.
        """;

    private readonly Lazy<IChatCompletionService> _chat = new(() =>
    {
#pragma warning disable SKEXP0010 // A custom endpoint (vLLM, Ollama) is the point of Monitor:Llm; the overload is marked experimental.
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(options.Model!, new Uri(options.Endpoint!), options.Key ?? "none", httpClient: http).Build();
#pragma warning restore SKEXP0010
        return kernel.GetRequiredService<IChatCompletionService>();
    });

    private int _taken;
    private int _asked;
    private int _refused;
    private int _reviewed;
    private int _cached;
    private int _stopped;
    private int _overBudget = quietOverBudget ? 1 : 0;

    /// <summary>Requests sent so far in this run.</summary>
    public int Asked => Volatile.Read(ref _asked);

    /// <summary>Borderline pairs whose grade an answer set, from the cache or asked now.</summary>
    public int Reviewed => Volatile.Read(ref _reviewed);

    /// <summary>Of <see cref="Reviewed"/>, answers read from the cache.</summary>
    public int Cached => Volatile.Read(ref _cached);

    /// <summary>A request failed or timed out: nothing more is asked in this run.</summary>
    public bool Stopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>A borderline pair found the budget spent.</summary>
    public bool OverBudget => Volatile.Read(ref _refused) != 0;

    /// <summary>The result with the borderline themes' grades set by the model's answers (cached or asked now).</summary>
    public async ValueTask<TagResult> ReviewAsync(Article article, TagResult result, Plan plan, int planVersion, RelevanceModel? model, double threshold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        ThemeMatch[]? changed = null;
        string? hash = null;
        for (var i = 0; i < result.Themes.Count; i++)
        {
            var match = result.Themes[i];
            var theme = plan.Themes.FirstOrDefault(t => t.Code == match.Code);
            if (theme is null || !Borderline.Is(match, model, threshold))
            {
                continue;
            }

            hash ??= article.ContentHash is { Length: > 0 } h ? h : ArticleId.ContentHash(article.Title, article.Description, article.Text);
            if (await OpinionAsync(article, hash, plan.Id ?? "", planVersion, theme, ct) is not { } opinion)
            {
                continue;
            }

            Interlocked.Increment(ref _reviewed);
            var grade = opinion.Relevant ? (match.Counts ? match.Grade : ThemeGrade.Partial) : ThemeGrade.Mention;
            if (grade != match.Grade)
            {
                changed ??= [.. result.Themes];
                changed[i] = match with { Grade = grade };
            }
        }

        return changed is null ? result : result with { Themes = changed };
    }

    private async Task<Monitor.Storage.Learning.SecondOpinion?> OpinionAsync(Article article, string hash, string planId, int planVersion, Theme theme, CancellationToken ct)
    {
        if (await cache.FindAsync(hash, planId, planVersion, theme.Code, ct) is { } cached)
        {
            Interlocked.Increment(ref _cached);
            return cached;
        }

        if (Volatile.Read(ref _stopped) != 0)
        {
            return null;
        }

        if (!await ReserveAsync(ct))
        {
            if (Interlocked.Exchange(ref _overBudget, 1) == 0)
            {
                log.LogWarning("hết ngân sách {Budget} câu hỏi cho mô hình ngôn ngữ ({Endpoint}) trong {Period}; các cặp còn lại giữ mức do luật gắn", budget, options.Endpoint, period);
            }

            return null;
        }

        string? answer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var history = new ChatHistory(Instructions);
            history.AddUserMessage(Question(article, theme));
            var reply = await _chat.Value.GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 5 }, null, timeout.Token);
            answer = reply.Content?.Trim();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpOperationException or HttpRequestException or OperationCanceledException or KernelException
            or System.ClientModel.ClientResultException or JsonException)
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                var reason = e is OperationCanceledException ? $"quá {options.TimeoutSeconds} giây" : e.Message.ReplaceLineEndings(" ");
                log.LogWarning("bỏ qua ý kiến thứ hai của mô hình ngôn ngữ ({Endpoint}): {Reason}; giữ mức do luật gắn và không hỏi thêm trong lần chạy này", options.Endpoint, reason);
            }

            return null;
        }

        if (Read(answer) is not { } relevant)
        {
            log.LogWarning("bỏ qua ý kiến thứ hai của mô hình ngôn ngữ về chủ đề {Theme} của bài {Article}: câu trả lời không đọc được ({Answer}); giữ mức do luật gắn",
                theme.Code, article.Id, Shorten(answer));
            return null;
        }

        var opinion = new Monitor.Storage.Learning.SecondOpinion(relevant, answer!);
        await cache.SaveAsync(hash, planId, planVersion, theme.Code, opinion, ct);
        return opinion;
    }

    /// <summary>One question of the budget, taken before it is sent (so a question cut short is spent too).</summary>
    private async Task<bool> ReserveAsync(CancellationToken ct)
    {
        if (Interlocked.Increment(ref _taken) > budget || (reserve is not null && !await reserve(ct)))
        {
            Volatile.Write(ref _refused, 1);
            return false;
        }

        Interlocked.Increment(ref _asked);
        return true;
    }

    /// <summary>"Có" / "Không" alone (any case, with or without diacritics or punctuation; "yes"/"no" too); null for
    /// anything else, "có thể" (maybe) included.</summary>
    internal static bool? Read(string? answer)
    {
        var words = VietnameseFolding.Key(answer ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length != 1 ? null : words[0] switch
        {
            "co" or "yes" => true,
            "khong" or "no" => false,
            _ => null,
        };
    }

    internal static string Question(Article article, Theme theme)
    {
        var text = article.Text.Length > TextChars ? article.Text[..TextChars] + " …" : article.Text;
        return $"""
            Chủ đề {theme.Code}: {theme.Title}
            {theme.Description}

            Tiêu đề: {article.Title}
            Sapo: {article.Description}
            Nội dung: {text}
            """;
    }

    private static string Shorten(string? answer) => answer is null ? "rỗng" : answer.Length > 60 ? answer[..60].ReplaceLineEndings(" ") + "…" : answer.ReplaceLineEndings(" ");
}
