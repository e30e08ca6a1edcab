namespace Monitor.Lab.ExtractionScoring;

/// <summary>A saved page with what is known to be on it; null fields have no ground truth.</summary>
public sealed record CorpusPage(string Corpus, string Name, string Html, Uri? Url, string? ExpectedBody,
    string? ExpectedTitle, ExpectedDate? ExpectedPublished);

/// <summary>A ground-truth publication date. Without a zone only the wall clock is known; a midnight time with no zone
/// is taken as a date without time (that is how the ground truths write a bare date).</summary>
public sealed record ExpectedDate(DateTime WallClock, TimeSpan? Offset)
{
    public bool DateOnly => Offset is null && WallClock.TimeOfDay == TimeSpan.Zero;

    /// <summary>Right to the minute: the same instant when the truth has a zone, else the same wall clock where the page
    /// said it (the extractor keeps the page's own offset).</summary>
    public bool Matches(DateTimeOffset? actual)
    {
        if (actual is not { } a)
        {
            return false;
        }

        if (DateOnly)
        {
            return a.Date == WallClock.Date;
        }

        var gap = Offset is { } offset
            ? (a - new DateTimeOffset(WallClock, offset)).Duration()
            : (a.DateTime - WallClock).Duration();
        return gap < TimeSpan.FromMinutes(1);
    }
}
