namespace Monitor.Reports.Narrative;

/// <summary>Settings section <c>Monitor:Llm</c>: an OpenAI-compatible chat-completions endpoint (vLLM, Ollama, Azure
/// OpenAI). Unset, summaries carry no narrative and nothing else changes.</summary>
public sealed class LlmOptions
{
    public const string Section = "Monitor:Llm";

    /// <summary>Base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1.</summary>
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? Key { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary><c>Monitor:Llm:SecondOpinion</c>: the tagger's optional second opinion in runs that have no
    /// command-line budget (<c>monitor retag</c>; docs/tagging.md, "Second opinion").</summary>
    public SecondOpinionSettings SecondOpinion { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The section as configured (environment <c>Monitor__Llm__Endpoint</c>, settings files); unset = disabled.</summary>
    public static LlmOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.Get<LlmOptions>(configuration.GetSection(Section)) ?? new LlmOptions();

    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"{Section}:Endpoint '{Endpoint}': cần địa chỉ http(s) của API tương thích OpenAI");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add($"{Section}:Model: cần tên mô hình khi đã đặt Endpoint");
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{Section}:TimeoutSeconds '{TimeoutSeconds}': cần 1–600 giây");
        }

        if (SecondOpinion.Budget < 0)
        {
            errors.Add($"{Section}:SecondOpinion:Budget '{SecondOpinion.Budget}': cần số câu hỏi tối đa ≥ 0 (0 = tắt)");
        }

        return errors;
    }
}

/// <summary>Settings section <c>Monitor:Llm:SecondOpinion</c>.</summary>
public sealed class SecondOpinionSettings
{
    /// <summary>Questions the model may be asked per run (one <c>monitor retag</c>); 0 (the default) = off.</summary>
    public int Budget { get; set; }
}
