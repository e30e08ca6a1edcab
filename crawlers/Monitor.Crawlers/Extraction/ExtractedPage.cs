namespace Monitor.Crawlers.Extraction;

/// <summary>What the extractor read from one article page; fields it could not find are null.</summary>
public sealed record ExtractedPage
{
    public string? Title { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Author { get; init; }
    public string? Section { get; init; }
    /// <summary>Keywords and tags the page declares (JSON-LD keywords, article:tag, news_keywords).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>The lead (sapo) printed above the body, when the page marks one; <see cref="Text"/> starts with it.</summary>
    public string? Lead { get; init; }
    public string Text { get; init; } = "";
    public string? Language { get; init; }
    public string? CanonicalUrl { get; init; }

    /// <summary>The article's images with their captions, in page order.</summary>
    public IReadOnlyList<ExtractedImage> Images { get; init; } = [];
}
