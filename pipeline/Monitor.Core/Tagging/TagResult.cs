using System.Text.Json.Serialization;

namespace Monitor.Core.Tagging;

/// <summary>The tag result contract: which themes of one plan an article covers, with the evidence.</summary>
public sealed record TagResult(
    [property: JsonPropertyName("id")] string ArticleId,
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("themes")] IReadOnlyList<ThemeMatch> Themes,
    [property: JsonPropertyName("references")] IReadOnlyList<string> References);

/// <summary>One theme an article covers, its score, the phrases that show it, and its grade (<see cref="ThemeGrade"/>:
/// only primary and partial count toward coverage).</summary>
public sealed record ThemeMatch(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("evidence")] IReadOnlyList<Evidence> Evidence,
    [property: JsonPropertyName("grade")] string Grade = ThemeGrade.Primary)
{
    /// <summary>The learnt relevance model's probability that the theme is the article's (Monitor.Core.Learning,
    /// the second stage after the matcher); absent when the plan has no model for the theme.</summary>
    [JsonPropertyName("relevance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Relevance { get; init; }

    /// <summary>Counts toward coverage, quotas and reports (not a passing mention).</summary>
    [JsonIgnore] public bool Counts => ThemeGrade.Counts(Grade);
}

/// <summary>A matched phrase as written in the article, with offsets into the original text of its field.</summary>
public sealed record Evidence(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("field")] string Field);
