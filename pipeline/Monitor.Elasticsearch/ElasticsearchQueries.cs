using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Storage.Coverage;

namespace Monitor.Elasticsearch;

/// <summary>The typed requests the coverage store sends, built apart from the sending so a test can read them.</summary>
public static class ElasticsearchQueries
{
    /// <summary>Buckets per page of a composite aggregation; the store pages with after_key until the last.</summary>
    public const int PageSize = 1000;

    /// <summary>The name of the one aggregation a composite search asks for.</summary>
    public const string Aggregation = "c";

    /// <summary>The plan's tags inside the windows (each theme on its own days, both ends included), of one outlet when
    /// given. A window whose start is after its end holds nothing; no window at all matches nothing.</summary>
    public static Query TagsIn(string planId, IEnumerable<ThemeWindow> windows, string? outlet = null)
    {
        var perTheme = windows.Where(w => string.CompareOrdinal(w.FromKey, w.ToKey) <= 0)
            .Select(w => (Query)new BoolQuery { Filter = [Term("theme_code", w.Code), DayRange(w)] })
            .ToList();
        if (perTheme.Count == 0)
        {
            return new MatchNoneQuery();
        }

        var filter = new List<Query> { Term("plan_id", planId), new BoolQuery { Should = perTheme, MinimumShouldMatch = 1 } };
        if (outlet is not null)
        {
            filter.Add(Term("outlet", outlet));
        }

        return new BoolQuery { Filter = filter };
    }

    /// <summary>A search that returns no hits and one composite aggregation over <paramref name="fields"/> (terms
    /// sources; a field listed in <paramref name="missing"/> gets a null bucket for documents without it).</summary>
    public static SearchRequest Composite(string index, Query query, IReadOnlyList<string> fields, IReadOnlyDictionary<string, FieldValue>? after = null,
        params string[] missing) => new(index)
        {
            Size = 0,
            TrackTotalHits = new TrackHits(false),
            Query = query,
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Aggregation] = new CompositeAggregation
                {
                    Size = PageSize,
                    Sources = fields.Select(f => new KeyValuePair<string, CompositeAggregationSource>(f, new CompositeAggregationSource
                    {
                        Terms = new CompositeTermsAggregation { Field = f, MissingBucket = missing.Contains(f) ? true : null },
                    })).ToList(),
                    After = after?.ToDictionary(kv => (Field)kv.Key, kv => kv.Value),
                },
            },
        };

    /// <summary>Articles that the crawler linked as a near-duplicate of another.</summary>
    public static Query Linked() => new ExistsQuery("duplicate_of");

    /// <summary>Documents by id, with only the fields asked for.</summary>
    public static SearchRequest ByIds(string index, IReadOnlyCollection<string> ids, params string[] fields) => new(index)
    {
        Size = ids.Count,
        Source = new SourceConfig(new SourceFilter { Includes = fields.Select(f => (Field)f).ToArray() }),
        Query = new IdsQuery { Values = new Ids(ids) },
    };

    /// <summary>A search of the first <paramref name="size"/> documents of a query in the given order, with only the fields asked for.</summary>
    public static SearchRequest Fields(string index, Query query, int size, ICollection<SortOptions> sort, params string[] fields) => new(index)
    {
        Size = size,
        Query = query,
        Sort = sort,
        TrackTotalHits = new TrackHits(false),
        Source = new SourceConfig(new SourceFilter { Includes = fields.Select(f => (Field)f).ToArray() }),
    };

    public static Query Term(string field, string value) => new TermQuery(field, value);

    public static Query Terms(string field, IEnumerable<string> values) =>
        new TermsQuery(field, new TermsQueryField(values.Select(v => FieldValue.String(v)).ToArray()));

    /// <summary>An open end of a window is left out of the range rather than written as a far-away day.</summary>
    private static DateRangeQuery DayRange(ThemeWindow w)
    {
        var range = new DateRangeQuery("day") { Format = "yyyy-MM-dd" };
        if (w.From is not null)
        {
            range.Gte = w.FromKey;
        }

        if (w.To is not null)
        {
            range.Lte = w.ToKey;
        }

        return range;
    }
}
