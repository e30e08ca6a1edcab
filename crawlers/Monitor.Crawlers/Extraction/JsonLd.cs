using System.Text.Json;
using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>The schema.org NewsArticle/Article object of a page (or a fact-check's ClaimReview), if it has one.</summary>
internal sealed record JsonLd(string? Headline, DateTimeOffset? Published, DateTimeOffset? Modified, string? Author,
    string? Section, string? Description, string? Body, IReadOnlyList<string> Keywords)
{
    // A fact-check page declares itself as the ClaimReview it publishes; the claim it reviews (with the claim's own date)
    // sits nested inside as itemReviewed and is never read as the article.
    private static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "ClaimReview"];

    public static JsonLd? FindArticle(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (Find(json.RootElement) is { } article)
                {
                    return Read(article);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }

        return null;
    }

    private static JsonElement? Find(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (Find(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@type", out var type) && IsArticleType(type))
                {
                    return e;
                }

                return e.TryGetProperty("@graph", out var graph) ? Find(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString()),
        JsonValueKind.Array => type.EnumerateArray().Any(IsArticleType),
        _ => false,
    };

    private static JsonLd Read(JsonElement a) => new(
        String(a, "headline") ?? String(a, "name"),
        PageDates.Parse(String(a, "datePublished")),
        PageDates.Parse(String(a, "dateModified")),
        Name(a, "author"),
        String(a, "articleSection"),
        String(a, "description"),
        String(a, "articleBody"),
        (String(a, "keywords") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())),
            _ => null,
        } : null;

    private static string? Name(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out var v))
        {
            return null;
        }

        IEnumerable<JsonElement> items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [v];
        var names = items.Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : String(i, "name"))
            .Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
