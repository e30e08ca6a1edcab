namespace Monitor.Crawlers.Fetching;

/// <summary>What a fetch is for: feeds and sitemaps are fetched conditionally (ETag, Last-Modified).</summary>
public enum FetchKind
{
    Page,
    Feed,
    Sitemap,
}

/// <summary>A fetched document, decoded. <see cref="NotModified"/>: a conditional fetch answered 304, no content.</summary>
public sealed record FetchedDocument(Uri Url, Uri FinalUrl, string Content, string? ContentType, bool NotModified = false);

/// <summary>A fetch that failed; the message is one line a user can act on, <see cref="Kind"/> groups errors in
/// source health (http, timeout, connection, robots, too-large, redirects, throttled, paused, truncated, scheme).</summary>
public sealed class FetchException(string message, string kind = "http", Exception? inner = null) : Exception(message, inner)
{
    public string Kind { get; } = kind;
}
