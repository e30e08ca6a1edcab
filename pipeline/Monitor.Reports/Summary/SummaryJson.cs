using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Reports.Summary;

/// <summary>The summary as JSON (the names of <see cref="WeeklySummary"/>, UTF-8 text unescaped, indented).</summary>
public static class SummaryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(WeeklySummary summary) => JsonSerializer.Serialize(summary, Options);

    public static WeeklySummary? Deserialize(string json) => JsonSerializer.Deserialize<WeeklySummary>(json, Options);
}
