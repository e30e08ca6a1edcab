using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch;

/// <summary>Re-tags the articles Elasticsearch holds (the scaled-out store) against one stored plan version: reads the
/// articles of the plan's windows back from the articles index through a point in time (a consistent view while the
/// taggers keep writing, paged with search_after), tags them and writes them back through the indexer, which replaces
/// each article's tags of the plan under the same version guard as the taggers. Tags of older versions left on
/// articles the edited windows no longer cover are then removed, as <see cref="PlanRetagger"/> does in SQLite. The run's
/// second opinion (<see cref="IRetagReview"/>), when there is one, reviews each page's results before its bulk, as SQLite's
/// re-tag does before its transaction.</summary>
public sealed class ElasticsearchRetagger(ElasticsearchConnection connection, ElasticsearchIndexer indexer, ElasticsearchIndices indices, TimeProvider time)
{
    private const int PageSize = 500;
    private static readonly Duration KeepAlive = new(TimeSpan.FromMinutes(2));

    // The point in time must outlive the wait between two pages: with a second opinion that is a page's questions to the
    // model (the run's budget at most, each up to Monitor:Llm:TimeoutSeconds).
    private static readonly Duration ReviewedKeepAlive = new(TimeSpan.FromMinutes(30));

    /// <param name="progress">Gets (articles done, articles in the windows) after every page.</param>
    /// <param name="model">The plan's learnt relevance model (kept in the SQLite store), the second stage after the matcher; null: none.</param>
    /// <param name="review">The run's second opinion (the language model's, docs/tagging.md), asked about each article's result; null: none.</param>
    public async Task<RetagSummary> RetagAsync(StoredPlan plan, IProgress<(long Done, long Total)>? progress, CancellationToken ct, RelevanceModel? model = null,
        IRetagReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var client = connection.Client;
        var matcher = new PlanMatcher(plan.Plan);
        var (from, to) = PlanRetagger.Span(plan.Plan);
        var inWindows = InWindows(from, to);
        var total = (await client.CountAsync(new CountRequest(connection.Articles) { Query = inWindows }, ct)).Checked($"GET {connection.Articles}/_count").Count;
        progress?.Report((0, total));
        var keepAlive = review is null ? KeepAlive : ReviewedKeepAlive;
        var pit = (await client.OpenPointInTimeAsync(new OpenPointInTimeRequest(connection.Articles) { KeepAlive = keepAlive }, ct))
            .Checked($"POST {connection.Articles}/_pit").Id;
        long done = 0, tagged = 0, tags = 0;
        try
        {
            ICollection<FieldValue>? after = null;
            while (true)
            {
                var page = (await client.SearchAsync<ArticleDocument>(Page(pit, inWindows, after, keepAlive), ct)).Checked("POST _search (pit)");
                if (page.Hits.Count == 0)
                {
                    break;
                }

                pit = page.PitId ?? pit;
                var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
                var documents = page.Documents.ToList();
                var articles = documents.Select(d => d.ToArticle()).ToList();
                var results = articles.Select(a => matcher.Tag(a, model)).ToList();
                for (var i = 0; review is not null && i < results.Count; i++)
                {
                    results[i] = await review.ReviewAsync(articles[i], results[i], ct);
                }

                var batch = documents.Select((document, i) =>
                {
                    var result = results[i];
                    // The article's mentions of this plan and its citations are the re-tag's; other plans' mentions stay.
                    var mentions = document.Mentions.Where(m => m.PlanId != plan.Id).Concat(result.Themes.Where(t => !t.Counts).Select(t => new MentionDocument
                    {
                        PlanId = plan.Id, PlanVersion = plan.Version, ThemeCode = t.Code, Score = t.Score, Evidence = t.Evidence,
                    })).ToList();
                    var written = document with { Mentions = mentions, References = ArticleDocument.Cited(result.References) };
                    var themes = result.Themes.Where(t => t.Counts).Select(t => TagDocument.Of(written, plan.Id, plan.Version, t.Code, t.Score, now, t.Evidence, t.Grade)).ToList();
                    return new IndexedArticle(written, themes);
                }).ToList();
                await indexer.IndexAsync(batch, [plan.Id], ct);
                done += batch.Count;
                tagged += batch.Count(a => a.Tags.Count > 0);
                tags += batch.Sum(a => a.Tags.Count);
                progress?.Report((done, total));
                after = page.Hits.Last().Sort?.ToList();
            }
        }
        finally
        {
            await client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pit }, CancellationToken.None);
        }

        // Every article inside the windows now carries this version's tags (or none): what is left of older versions
        // sits on articles the edited windows no longer cover.
        await indices.RefreshAsync(ct);
        var stale = new BoolQuery { Filter = [ElasticsearchQueries.Term("plan_id", plan.Id)], MustNot = [new TermQuery("plan_version", plan.Version)] };
        (await client.DeleteByQueryAsync(new DeleteByQueryRequest(connection.Tags) { Conflicts = Conflicts.Proceed, Query = stale, Refresh = true }, ct))
            .Checked($"POST {connection.Tags}/_delete_by_query");
        return new RetagSummary(from, to, done, tagged, tags);
    }

    /// <summary>A page of the point in time, in index order (<c>_shard_doc</c>, the cheapest sort a PIT has), after the last.</summary>
    internal static SearchRequest Page(string pit, Query query, ICollection<FieldValue>? after, Duration? keepAlive = null) => new()
    {
        Size = PageSize,
        Query = query,
        Pit = new PointInTimeReference(pit) { KeepAlive = keepAlive ?? KeepAlive },
        Sort = [new SortOptions { Field = new FieldSort("_shard_doc") { Order = SortOrder.Asc } }],
        SearchAfter = after,
        TrackTotalHits = new TrackHits(false),
    };

    /// <summary>Articles whose Vietnamese day falls inside the plan's windows (an open end is left out).</summary>
    internal static Query InWindows(DateOnly? from, DateOnly? to)
    {
        var range = new DateRangeQuery("day") { Format = "yyyy-MM-dd" };
        if (from is { } f)
        {
            range.Gte = Storage.Coverage.CoverageRules.Key(f);
        }

        if (to is { } t)
        {
            range.Lte = Storage.Coverage.CoverageRules.Key(t);
        }

        return range;
    }
}
