using System.Globalization;
using Monitor.Storage.Search;

namespace Monitor.Dashboards.Search;

/// <summary>What is searched: the words (accents optional), and the filters.</summary>
public sealed record SearchQuery(string Text, string? Outlet = null, DateOnly? From = null, DateOnly? To = null, string? Plan = null, string? Theme = null);

/// <summary>One found article: the title and a snippet of lead and body cut at the matched words, the plan's themes it counts for.</summary>
public sealed record SearchHit(string Id, string Title, string Outlet, string? Section, string Day, string Url, IReadOnlyList<Marked> TitleMarks,
    IReadOnlyList<Marked> Snippet, IReadOnlyList<string> Themes);

/// <summary>How many articles matched, and one page of them.</summary>
public sealed record SearchResults(int Total, int Offset, IReadOnlyList<SearchHit> Hits);

/// <summary>Tìm kiếm's reads: the query's words folded as the index holds them, the store's search (<see cref="IArticleSearch"/>:
/// SQLite's FTS5 table, or the articles index in the scaled-out deployment), and each hit's title and snippet cut at the
/// words it matched, in the original text.</summary>
public sealed class ArticleSearch(IArticleSearch store)
{
    public const int PageSize = 20;

    /// <summary>Export cap: the most rows a download holds.</summary>
    public const int MaxRows = 10_000;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchMarks.Words(query.Text);
        if (words.Count == 0)
        {
            return new SearchResults(0, 0, []);
        }

        var (total, page) = await store.SearchAsync(new ArticleQuery(words, query.Outlet, query.From, query.To, query.Plan, query.Theme), offset, limit, ct);
        var hits = page.Select(a => new SearchHit(a.Id, a.Title, a.Outlet, a.Section, a.Day, a.Url, SearchMarks.Cut(a.Title, words),
            SearchMarks.Snippet(Body(a), words), a.Themes)).ToList();
        return new SearchResults(total, offset, hits);
    }

    /// <summary>The outlets of the stored articles, for the filter.</summary>
    public Task<IReadOnlyList<string>> OutletsAsync(CancellationToken ct) => store.OutletsAsync(ct);

    internal static string Key(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Lead and body as the snippet reads them (the lead first, when there is one).</summary>
    private static string Body(FoundArticle a) => string.Join("\n", new[] { a.Description, a.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
