using Monitor.Core.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;

namespace Monitor.Storage.Coverage;

/// <summary>The articles behind the numbers: the rows the weekly summary and the pages list, an article with its tags,
/// mentions, evidence and citations, its near-duplicates, the last article of an outlet. The companion of
/// <see cref="ICoverageStore"/> (which counts), answered by the same store: SQLite in the embedded deployment,
/// Elasticsearch in the scaled-out one (its taggers write only there). A list and the number it explains read the same
/// tags inside the same windows, so they cannot disagree.</summary>
public interface IArticleStore
{
    /// <summary>Tag rows of the plan inside each theme's window narrowed to [first, last]: one per article and theme.</summary>
    Task<IReadOnlyList<TaggedArticle>> TaggedAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct);

    /// <summary>Distinct articles of the plan inside each theme's window narrowed to [first, last].</summary>
    Task<int> CountAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct);

    /// <summary>The last Vietnamese day with a tagged article of the plan (any theme), or null.</summary>
    Task<DateOnly?> LastDayAsync(string planId, CancellationToken ct);

    /// <summary>Near-duplicate links (article, duplicate of) whose two ends are both among <paramref name="ids"/>.</summary>
    Task<IReadOnlyList<(string A, string B)>> LinksAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Title, link (canonical URL) and publication time of the given articles, by id; an unknown id is left out.</summary>
    Task<IReadOnlyDictionary<string, ArticleHeading>> HeadingsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Document numbers cited by the plan's articles inside the windows narrowed to [first, last], with the number
    /// of distinct articles citing each, most cited first (then by number, ordinal).</summary>
    Task<IReadOnlyList<(string Number, int Articles)>> ReferencesAsync(StoredPlan plan, DateOnly? first, DateOnly? last, CancellationToken ct);

    /// <summary>Articles per theme, Vietnamese day and outlet inside the windows, of one outlet and one section when given.</summary>
    Task<IReadOnlyList<DailyCount>> DailyAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct);

    /// <summary>How many distinct articles the windows hold (of one outlet and section when given), and the page
    /// [offset, offset + limit) of them, newest first (published, else fetched; then id); limit 0 asks for the total only.</summary>
    Task<(int Total, IReadOnlyList<ListedArticle> Page)> ListAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section,
        int offset, int limit, CancellationToken ct);

    /// <summary>Distinct articles per Vietnamese day inside the windows (of one outlet and section when given), by day: an
    /// article has one day, so a count over any run of days is the sum of its days' (a quota's periods from one read).</summary>
    Task<IReadOnlyList<(string Day, int Articles)>> PerDayAsync(string planId, IReadOnlyList<ThemeWindow> windows, string? outlet, string? section, CancellationToken ct);

    /// <summary>Articles by id, newest first, with the plan's themes; an unknown id is left out.</summary>
    Task<IReadOnlyList<ListedArticle>> ByIdsAsync(string planId, IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>A quota's counted articles (<paramref name="quota"/>: a row of <see cref="ICoverageStore.QuotasAsync(StoredPlan, DateOnly, QuotaDetail, CancellationToken)"/>
    /// as of <paramref name="asOf"/>, counts only), how many (its <see cref="QuotaStatus.Delivered"/>) and the page
    /// [offset, offset + limit) of them, newest first as <see cref="ListAsync"/> lists: the distinct articles of the quota's
    /// windows (<see cref="CoverageRules.QuotaWindows"/>) and outlet, of its column's sections only when it counted a column
    /// (<see cref="QuotaStatus.Section"/>). Paged in the store: a page does not read every counted id.</summary>
    Task<(int Total, IReadOnlyList<ListedArticle> Page)> QuotaListAsync(StoredPlan plan, QuotaStatus quota, DateOnly asOf, int offset, int limit, CancellationToken ct);

    /// <summary>An outlet's articles of the ISO weeks [fromWeek, toWeek] published (else fetched) before <paramref name="beforeUtcMs"/>,
    /// newest first, at most <paramref name="limit"/>, with the plan's themes.</summary>
    Task<IReadOnlyList<ListedArticle>> RecentAsync(string planId, string outlet, string fromWeek, string toWeek, long beforeUtcMs, int limit, CancellationToken ct);

    /// <summary>The sections (chuyên mục) the plan's tags carry, ordinal order.</summary>
    Task<IReadOnlyList<string>> SectionsAsync(string planId, CancellationToken ct);

    /// <summary>The outlets the plan's tags name, ordinal order.</summary>
    Task<IReadOnlyList<string>> OutletsAsync(string planId, CancellationToken ct);

    /// <summary>One article as stored, or null.</summary>
    Task<Article?> ArticleAsync(string id, CancellationToken ct);

    /// <summary>The article's stored version (1 when never changed, or when the store keeps only the latest fetch).</summary>
    Task<int> VersionAsync(string id, CancellationToken ct);

    /// <summary>Earlier versions of a changed article, oldest first (none when the store keeps only the latest fetch).</summary>
    Task<IReadOnlyList<ArticleChange>> ChangesAsync(string id, CancellationToken ct);

    /// <summary>The article's counted themes for every plan, with evidence: by plan, then score (highest first), then theme.</summary>
    Task<IReadOnlyList<StoredTag>> TagsAsync(string id, CancellationToken ct);

    /// <summary>The themes the article only passes by (never counted), by plan, then theme.</summary>
    Task<IReadOnlyList<StoredTag>> MentionsAsync(string id, CancellationToken ct);

    /// <summary>The document numbers the article cites, ordinal order.</summary>
    Task<IReadOnlyList<string>> CitedAsync(string id, CancellationToken ct);

    /// <summary>The article's near-duplicates (either direction of the crawler's link), oldest first (then id).</summary>
    Task<IReadOnlyList<Duplicate>> DuplicatesAsync(string id, CancellationToken ct);

    /// <summary>Per outlet, the Vietnamese day of its last article published (else fetched) by the end of <paramref name="asOf"/>;
    /// an outlet with none is left out.</summary>
    Task<IReadOnlyDictionary<string, DateOnly>> LastArticleDaysAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct);
}
