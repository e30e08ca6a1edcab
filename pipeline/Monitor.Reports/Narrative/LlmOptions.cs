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

        return errors;
    }
}
