using System.Globalization;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Core.Time;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;

namespace Monitor.Elasticsearch.Documents;

/// <summary>An article as the articles index holds it: the whole article contract (so re-tagging can read it back), its
/// folded search text, the Vietnamese day, week and month it counts on, and the crawler's near-duplicate links. Instants
/// are ISO 8601 with offset, days yyyy-MM-dd.</summary>
public sealed record ArticleDocument
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public required string Outlet { get; init; }

    public string? Section { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Text { get; init; }

    public string? Published { get; init; }

    public string? Modified { get; init; }

    public string? Author { get; init; }

    public string? Language { get; init; }

    public required string FetchedAt { get; init; }

    public required string ContentHash { get; init; }

    public required string TitleFolded { get; init; }

    public required string TextFolded { get; init; }

    public required string Day { get; init; }

    public required string Week { get; init; }

    public required string Month { get; init; }

    public IReadOnlyList<string> DuplicateOf { get; init; } = [];

    /// <summary>The document numbers the article cites (the tagger's extraction: the article's, whatever the plan), ordinal order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The themes the article only passes by, per plan: never counted, shown on the article page (kept in the
    /// source, not indexed).</summary>
    public IReadOnlyList<MentionDocument> Mentions { get; init; } = [];

    /// <summary>The article's version as the article page numbers it (1 = never changed; SQLite's <c>articles.version</c>).
    /// 0 = not known to the writer (a tagger's fresh document): the indexer reads it from the stored document before
    /// writing (<see cref="ArticleHistory"/>). Not Elasticsearch's own <c>_version</c>, which is the fetch time.</summary>
    public int Revision { get; init; }

    /// <summary>The earlier versions of a changed article, oldest first (SQLite's <c>article_changes</c>; kept in the source, not indexed).</summary>
    public IReadOnlyList<ChangeDocument> Changes { get; init; } = [];

    /// <summary>The instant lists sort and cut on, in epoch milliseconds: published, else fetched (SQLite's <c>published_utc</c>).</summary>
    public long CountedAt { get; init; }

    /// <summary>The version guard of a direct write: the fetch time in milliseconds, so with <c>external_gte</c> an older
    /// fetch is refused and the same fetch written again (a redelivery) is accepted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version => DateTimeOffset.Parse(FetchedAt, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    /// <summary>The document of an article, with its folded search text when the caller has it already.</summary>
    public static ArticleDocument Of(Article article, SearchText? search = null, IReadOnlyList<string>? duplicateOf = null, IEnumerable<string>? references = null,
        IReadOnlyList<MentionDocument>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        search ??= SearchText.Of(article);
        var day = DayOf(article);
        return new ArticleDocument
        {
            Id = article.Id, Url = article.Url, CanonicalUrl = article.CanonicalUrl, Outlet = article.Outlet, Section = article.Section,
            Title = article.Title, Description = article.Description, Text = article.Text, Published = Iso(article.Published),
            Modified = Iso(article.Modified), Author = article.Author, Language = article.Language, FetchedAt = Iso(article.FetchedAt)!,
            ContentHash = article.ContentHash, TitleFolded = search.Title, TextFolded = search.Body, Day = CoverageRules.Key(day),
            Week = IsoWeek.Of(day).ToString(), Month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture), DuplicateOf = duplicateOf ?? [],
            References = Cited(references ?? []), Mentions = mentions ?? [], CountedAt = (article.Published ?? article.FetchedAt).ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>The article back, for re-tagging from the index.</summary>
    public Article ToArticle() => new()
    {
        Id = Id, Url = Url, CanonicalUrl = CanonicalUrl ?? Url, Outlet = Outlet, Section = Section, Title = Title, Description = Description,
        Text = Text ?? "", Published = Parse(Published), Modified = Parse(Modified), Author = Author, Language = Language,
        FetchedAt = Parse(FetchedAt)!.Value, ContentHash = ContentHash,
    };

    /// <summary>Cited document numbers as the document keeps them: each once, ordinal order.</summary>
    public static IReadOnlyList<string> Cited(IEnumerable<string> numbers) => numbers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The Vietnamese day an article counts on: published, else fetched (as the SQLite tags' columns have it).</summary>
    public static DateOnly DayOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return DateOnly.FromDateTime(VietnamTime.ToLocal(article.Published ?? article.FetchedAt).DateTime);
    }

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? value) => value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}

/// <summary>An earlier version of a changed article: the version the change made, the title before it, when it was seen.</summary>
public sealed record ChangeDocument
{
    public required int Version { get; init; }

    public required string PreviousTitle { get; init; }

    public required string ChangedAt { get; init; }
}

/// <summary>A theme an article only passes by (grade "mention"), for one plan: what the article page shows apart.</summary>
public sealed record MentionDocument
{
    public required string PlanId { get; init; }

    public required int PlanVersion { get; init; }

    public required string ThemeCode { get; init; }

    public required double Score { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}
