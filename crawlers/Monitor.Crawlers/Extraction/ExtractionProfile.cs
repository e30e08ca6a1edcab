namespace Monitor.Crawlers.Extraction;

/// <summary>CSS selectors for one outlet's article pages (from the sources file). Each is optional: a field whose
/// selector is absent, or matches nothing, falls back to the generic extractor, so a layout change degrades to the
/// generic result instead of to nothing.</summary>
public sealed record ExtractionProfile
{
    public string? Title { get; init; }

    /// <summary>The element(s) holding the article text; furniture-named blocks inside are still dropped.</summary>
    public string? Body { get; init; }

    public string? Lead { get; init; }

    /// <summary>An element whose <c>datetime</c>/<c>content</c> attribute or text carries the publication date.</summary>
    public string? Date { get; init; }

    public string? Author { get; init; }

    public string? Section { get; init; }
}
