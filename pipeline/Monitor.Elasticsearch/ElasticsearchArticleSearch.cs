using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Storage.Coverage;
using Monitor.Storage.Search;

namespace Monitor.Elasticsearch;

/// <summary>Search on the articles index (<see cref="IArticleSearch"/>), the same answers as <see cref="SqliteArticleSearch"/>'s:
/// every folded word must match <c>title_folded</c> or <c>text_folded</c> (the VietnameseFolding keys the writers store;
/// the standard analyzer splits them on the spaces the fold put there, as FTS5 splits the same keys), then the outlet, the
/// Vietnamese day range and the theme (its articles from the tags index) as filters; newest first (counted_at, then id),
/// the exact total. Titles and snippets are cut and marked by the page from the stored text, as over SQLite.</summary>
public sealed class ElasticsearchArticleSearch(ElasticsearchConnection connection) : IArticleSearch
{
    /// <summary>The deepest from + size a search may ask for (the index's default <c>max_result_window</c>); a deeper page
    /// walks there with search_after.</summary>
    internal const int Window = 10_000;

    /// <summary>Ids per terms clause of the theme filter, under the index's default <c>max_terms_count</c> (65,536).</summary>
    internal const int TermsPerClause = 50_000;

    /// <summary>The folded title and the folded lead + body: FTS5's two columns.</summary>
    private static readonly Field[] FoldedFields = ["title_folded", "text_folded"];

    private static readonly string[] FoundFields = ["id", "title", "description", "text", "outlet", "section", "day", "url"];

    private ElasticsearchClient Client => connection.Client;

    public async Task<(int Total, IReadOnlyList<FoundArticle> Page)> SearchAsync(ArticleQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Words.Count == 0)
        {
            return (0, []);
        }

        List<string>? themed = null;
        if (query.Theme is { } theme)
        {
            var tags = new BoolQuery { Filter = [ElasticsearchQueries.Term("plan_id", query.Plan ?? ""), ElasticsearchQueries.Term("theme_code", theme)] };
            themed = (await ElasticsearchCoverageStore.BucketsAsync(Client, connection.Tags, tags, ["article_id"], ct))
                .Select(b => ElasticsearchCoverageStore.Text(b.Key["article_id"])!).ToList();
            if (themed.Count == 0)
            {
                return (0, []);
            }
        }

        var filter = Matching(query, themed);
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 0, Window);
        ICollection<FieldValue>? after = null;
        var from = offset;
        if (offset + limit > Window)
        {
            (after, var reached) = await SkipAsync(filter, offset, ct);
            if (!reached)
            {
                return (await CountAsync(filter, ct), []);
            }

            from = 0;
        }

        var answer = (await Client.SearchAsync<FoundFields>(Page(connection.Articles, filter, from, limit, after), ct)).Checked($"POST {connection.Articles}/_search");
        var found = answer.Documents.ToList();
        var themes = query.Plan is { } plan && found.Count > 0
            ? await ElasticsearchArticleStore.ThemesAsync(Client, connection.Tags, plan, found.Select(a => a.Id!), ct)
            : null;
        return ((int)answer.Total, found.Select(a => new FoundArticle(a.Id!, a.Title ?? "", a.Description, a.Text ?? "", a.Outlet ?? "", a.Section, a.Day ?? "",
            a.Url ?? "", themes?[a.Id!].Order(StringComparer.Ordinal).ToList() ?? [])).ToList());
    }

    public async Task<IReadOnlyList<string>> OutletsAsync(CancellationToken ct) =>
        (await ElasticsearchCoverageStore.BucketsAsync(Client, connection.Articles, new MatchAllQuery(), ["outlet"], ct))
            .Select(b => ElasticsearchCoverageStore.Text(b.Key["outlet"])).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every word in the title or the lead + body, and the filters; <paramref name="themed"/> (the theme's
    /// articles) in clauses of <see cref="TermsPerClause"/> ids.</summary>
    internal static Query Matching(ArticleQuery query, IReadOnlyList<string>? themed)
    {
        var filter = query.Words.Select(w => (Query)new MultiMatchQuery { Query = w, Fields = FoldedFields }).ToList();
        if (query.Outlet is { } outlet)
        {
            filter.Add(ElasticsearchQueries.Term("outlet", outlet));
        }

        if (query.From is not null || query.To is not null)
        {
            var range = new DateRangeQuery("day") { Format = "yyyy-MM-dd" };
            if (query.From is { } f)
            {
                range.Gte = CoverageRules.Key(f);
            }

            if (query.To is { } t)
            {
                range.Lte = CoverageRules.Key(t);
            }

            filter.Add(range);
        }

        if (themed is not null)
        {
            filter.Add(new BoolQuery { Should = themed.Chunk(TermsPerClause).Select(c => ElasticsearchQueries.Terms("id", c)).ToList(), MinimumShouldMatch = 1 });
        }

        return new BoolQuery { Filter = filter };
    }

    /// <summary>One page, newest first (published, else fetched, then id, as SQLite orders them), with the exact total.</summary>
    internal static SearchRequest Page(string index, Query filter, int from, int size, ICollection<FieldValue>? after) => new(index)
    {
        Query = filter,
        From = after is null ? from : null,
        Size = size,
        SearchAfter = after,
        Sort = Newest(),
        TrackTotalHits = new TrackHits(true),
        Source = new SourceConfig(new SourceFilter
        {
            Includes = FoundFields.Select(f => (Field)f).ToArray(),
        }),
    };

    /// <summary>Walks past the first <paramref name="offset"/> hits with search_after (no source), for a page beyond the
    /// result window; false when the hits end before.</summary>
    private async Task<(ICollection<FieldValue>? After, bool Reached)> SkipAsync(Query filter, int offset, CancellationToken ct)
    {
        ICollection<FieldValue>? after = null;
        for (var left = offset; left > 0;)
        {
            var request = new SearchRequest(connection.Articles)
            {
                Query = filter, Size = Math.Min(left, Window), SearchAfter = after, Sort = Newest(), TrackTotalHits = new TrackHits(false),
                Source = new SourceConfig(false),
            };
            var answer = (await Client.SearchAsync<FoundFields>(request, ct)).Checked($"POST {connection.Articles}/_search");
            if (answer.Hits.Count == 0)
            {
                return (after, false);
            }

            left -= answer.Hits.Count;
            after = answer.Hits.Last().Sort?.ToList();
            if (left > 0 && answer.Hits.Count < request.Size)
            {
                return (after, false);
            }
        }

        return (after, true);
    }

    private async Task<int> CountAsync(Query filter, CancellationToken ct) =>
        (int)(await Client.CountAsync(new CountRequest(connection.Articles) { Query = filter }, ct)).Checked($"POST {connection.Articles}/_count").Count;

    private static List<SortOptions> Newest() =>
    [
        new() { Field = new FieldSort("counted_at") { Order = SortOrder.Desc } },
        new() { Field = new FieldSort("id") { Order = SortOrder.Asc } },
    ];
}

/// <summary>The fields of an article document a search hit shows.</summary>
internal sealed record FoundFields
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Text { get; init; }

    public string? Outlet { get; init; }

    public string? Section { get; init; }

    public string? Day { get; init; }

    public string? Url { get; init; }
}
