namespace Monitor.Storage.Search;

/// <summary>What is searched: the folded words (<c>VietnameseFolding</c> keys, every one required, each in the title or in
/// the lead + body), an outlet, a range of Vietnamese days (published, else fetched), and a plan's theme.</summary>
public sealed record ArticleQuery(IReadOnlyList<string> Words, string? Outlet = null, DateOnly? From = null, DateOnly? To = null, string? Plan = null,
    string? Theme = null);

/// <summary>A found article as stored (title, lead and body as written, for the page to cut and mark), its Vietnamese day
/// (yyyy-MM-dd) and the themes of the query's plan it counts for (ordinal order; none without a plan).</summary>
public sealed record FoundArticle(string Id, string Title, string? Description, string Text, string Outlet, string? Section, string Day, string Url,
    IReadOnlyList<string> Themes);

/// <summary>Full-text search over the stored articles (Tìm kiếm), answered by the store that holds them: SQLite's FTS5
/// table in the embedded deployment, the articles index in the scaled-out one (chosen with <c>IArticleStore</c> by the
/// same <c>Monitor__Elasticsearch__Url</c> switch). Both match whole folded words, so "ngo doc" and "ngộ độc" find the
/// same articles, and list them newest first (published, else fetched; then id).</summary>
public interface IArticleSearch
{
    /// <summary>How many articles match, and the page [offset, offset + limit) of them, newest first.</summary>
    Task<(int Total, IReadOnlyList<FoundArticle> Page)> SearchAsync(ArticleQuery query, int offset, int limit, CancellationToken ct);

    /// <summary>The outlets of the stored articles, ordinal order (the page's filter).</summary>
    Task<IReadOnlyList<string>> OutletsAsync(CancellationToken ct);
}
