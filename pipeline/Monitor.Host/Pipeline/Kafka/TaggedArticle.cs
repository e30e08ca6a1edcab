using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Host.Pipeline.Kafka;

/// <summary>The value on <c>monitor.articles.tagged</c> (key = article id, header schema-version 1): the article's
/// tags against every current plan version, as stored (docs/kafka.md).</summary>
internal sealed record TaggedArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("tagged_at")] DateTimeOffset TaggedAt,
    [property: JsonPropertyName("plans")] IReadOnlyList<TaggedPlan> Plans)
{
    public string ToJson() => JsonSerializer.Serialize(this, ArticleJson.Options);

    public static TaggedArticle FromJson(string json) =>
        JsonSerializer.Deserialize<TaggedArticle>(json, ArticleJson.Options) ?? throw new FormatException("empty tagged-article JSON");
}

/// <summary>The themes and references of one article against one plan version.</summary>
internal sealed record TaggedPlan(
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("themes")] IReadOnlyList<ThemeMatch> Themes,
    [property: JsonPropertyName("references")] IReadOnlyList<string> References);
