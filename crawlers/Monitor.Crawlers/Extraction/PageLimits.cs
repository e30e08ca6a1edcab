namespace Monitor.Crawlers.Extraction;

/// <summary>How deep and how long one page may be worked on. The HTML parser checks the whole stack of open elements
/// at every tag, so its time grows with the square of the nesting depth (100,000 nested divs took 53 s, 200,000 more
/// than three minutes); real article pages nest a few dozen levels. A page past either limit is an extraction error
/// of that page, <see cref="ExtractionException.Kind"/> "extraction-limit".</summary>
public sealed record PageLimits
{
    /// <summary>The limits every crawl and <c>monitor extract</c> use.</summary>
    public static PageLimits Default { get; } = new();

    /// <summary>Elements open at once, counted as the parser builds the tree (paragraphs, list items and cells left
    /// open close themselves, as in HTML). Browsers stop nesting at 512; this is twice that.</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>Time for parsing and reading one page; a normal page takes a few milliseconds, an 8 MiB one well
    /// under a second.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
