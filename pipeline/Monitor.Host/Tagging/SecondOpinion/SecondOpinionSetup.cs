using Microsoft.Extensions.Configuration;
using Monitor.Host.Cli;
using Monitor.Reports.Narrative;

namespace Monitor.Host.Tagging.SecondOpinion;

/// <summary>The <c>Monitor:Llm</c> settings of a budgeted second opinion (the workers and every re-tag): read and
/// checked in one place, so every path refuses a wrong setting with the same line.</summary>
internal static class SecondOpinionSetup
{
    /// <summary>The settings, or null when <c>Monitor:Llm:SecondOpinion:Budget</c> is 0 or unset (off, the default).</summary>
    /// <exception cref="UserInputException">A budget is set but Monitor:Llm is not, or a setting is wrong.</exception>
    public static LlmOptions? Read(IConfiguration? configuration)
    {
        var llm = configuration is null ? new LlmOptions() : LlmOptions.From(configuration);
        if (llm.SecondOpinion.Budget < 0)
        {
            throw new UserInputException($"{LlmOptions.Section}:SecondOpinion:Budget '{llm.SecondOpinion.Budget}': cần số câu hỏi tối đa ≥ 0 (0 = tắt)");
        }

        if (llm.SecondOpinion.Budget == 0)
        {
            return null;
        }

        if (!llm.Enabled)
        {
            throw new UserInputException($"{LlmOptions.Section}:SecondOpinion:Budget: cần cấu hình {LlmOptions.Section}:Endpoint và {LlmOptions.Section}:Model (API tương thích OpenAI)");
        }

        return llm.Validate() is [var first, ..] ? throw new UserInputException(first) : llm;
    }

    /// <summary>The HTTP client of the model's endpoint: the settings' timeout, with room for the request's own.</summary>
    public static HttpClient Client(LlmOptions llm) => new() { Timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds + 5) };
}
