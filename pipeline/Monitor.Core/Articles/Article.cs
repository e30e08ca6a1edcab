using System.Text.Json.Serialization;

namespace Monitor.Core.Articles;

/// <summary>The unit that flows through Monitor (ARCHITECTURE.md, "Article"): one article as crawled.</summary>
public sealed record Article
{
    /// <summary>Stable id: a hash of <see cref="CanonicalUrl"/> (see <see cref="ArticleId"/>).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("canonical_url")] public required string CanonicalUrl { get; init; }
    [JsonPropertyName("outlet")] public required string Outlet { get; init; }
    [JsonPropertyName("section")] public string? Section { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("published")] public DateTimeOffset? Published { get; init; }
    [JsonPropertyName("modified")] public DateTimeOffset? Modified { get; init; }
    [JsonPropertyName("author")] public string? Author { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("fetched_at")] public DateTimeOffset FetchedAt { get; init; }
    [JsonPropertyName("content_hash")] public required string ContentHash { get; init; }
}
