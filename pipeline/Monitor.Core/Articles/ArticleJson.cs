using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Monitor.Core.Articles;

/// <summary>JSON (and JSON Lines) of the article contract: UTF-8, Vietnamese kept readable, nulls left out.</summary>
public static class ArticleJson
{
    /// <summary>Serializer options shared by every JSON writer of Monitor.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Serialize(Article article) => JsonSerializer.Serialize(article, Options);

    /// <summary>Reads one article; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static Article Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Article>(json, Options) ?? throw new FormatException("empty article JSON");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not an article: {e.Message}", e);
        }
    }
}
