using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch;

/// <summary>Coverage answers from the Elasticsearch indices, the same as <see cref="SqliteCoverageStore"/>'s for the same
/// articles, tags and plan: counts come from composite aggregations over the tags index (one document per article, plan
/// and theme, so a bucket's document count is a count of distinct articles, exact at any size), the arithmetic and the
/// assembly from <see cref="CoverageRules"/> and <see cref="CoverageAnswers"/>. Plans and crawl state stay in the SQLite
/// database, so the plan in force and source health are the SQLite store's answers (docs/elasticsearch.md).</summary>
/// <param name="articles">Where the last article of each outlet is read for source health (the index; without it, SQLite's articles).</param>
public sealed class ElasticsearchCoverageStore(ElasticsearchConnection connection, SqliteCoverageStore sqlite, ElasticsearchArticleStore? articles = null) : ICoverageStore
{
    /// <summary>Ids per terms filter when the store asks about a list of articles.</summary>
    private const int IdsPerRequest = 10_000;

    private ElasticsearchClient Client => connection.Client;

    public async Task<CoverageReport> CoverageAsync(StoredPlan plan, CoverageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(query);
        var daily = await DailyAsync(plan.Id, CoverageRules.Windows(plan.Plan, query.From, query.To), ct);
        var count = (await Client.CountAsync(new CountRequest(connection.Articles), ct)).Checked($"GET {connection.Articles}/_count");
        return CoverageAnswers.Coverage(plan, query, daily, count.Count);
    }

    public Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, CancellationToken ct) =>
        QuotasOfAsync(plan, asOf, detail, null, ct);

    public Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, string outlet, CancellationToken ct) =>
        QuotasOfAsync(plan, asOf, detail, outlet, ct);

    private Task<IReadOnlyList<QuotaStatus>> QuotasOfAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, string? only, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return CoverageAnswers.QuotasAsync(plan, asOf, detail,
            (windows, outlet, withSection) => CountedAsync(plan.Id, windows, outlet, withSection, detail == QuotaDetail.Articles, ct), only);
    }

    public async Task<GapReport> GapsAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var windows = CoverageRules.Windows(plan.Plan, null, asOf);
        var daily = await DailyAsync(plan.Id, windows, ct);
        var copies = await CopiesAsync(plan.Id, windows, ct);
        var health = await HealthAsync(CoverageAnswers.GapOutlets(plan, daily).ToList(), asOf, ct);
        return CoverageAnswers.Gaps(plan, asOf, daily, copies, health);
    }

    public async Task<IReadOnlyList<EventCoverage>> EventsAsync(StoredPlan plan, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new List<EventCoverage>();
        foreach (var e in plan.Plan.Events.OrderBy(e => e.Date))
        {
            var (from, to) = (e.Date.AddDays(-days), e.Date.AddDays(days));
            var windows = plan.Plan.Themes.Select(t => new ThemeWindow(t.Code, from, to));
            // Distinct articles per outlet: an article with two themes is one bucket (outlet, article).
            var buckets = await BucketsAsync(connection.Tags, ElasticsearchQueries.TagsIn(plan.Id, windows), ["outlet", "article_id"], ct);
            var outlets = buckets.GroupBy(b => Text(b.Key["outlet"])!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
            result.Add(new EventCoverage(e.Date, e.Title, from, to, outlets));
        }

        return result;
    }

    /// <summary>Every article of the theme is grouped (ids, days and the crawler's links only, from aggregations), the
    /// page's stories are then read with their evidence: the article documents by id and the theme's tag documents.</summary>
    public async Task<ThemeStories?> StoriesAsync(StoredPlan plan, string theme, DateOnly asOf, StoryPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(page);
        if (CoverageRules.Windows(plan.Plan, null, asOf).FirstOrDefault(w => w.Code == theme) is not { } window)
        {
            return null;
        }

        var days = (await BucketsAsync(connection.Tags, ElasticsearchQueries.TagsIn(plan.Id, [window]), ["article_id", "day"], ct))
            .ToDictionary(b => Text(b.Key["article_id"])!, b => DateOnly.ParseExact(Day(b.Key["day"]), "yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var links = new List<(string, string)>();
        foreach (var chunk in days.Keys.Chunk(IdsPerRequest))
        {
            var query = new BoolQuery { Filter = [ElasticsearchQueries.Linked(), ElasticsearchQueries.Terms("id", chunk)] };
            links.AddRange((await BucketsAsync(connection.Articles, query, ["id", "duplicate_of"], ct))
                .Select(b => (Text(b.Key["id"])!, Text(b.Key["duplicate_of"])!)).Where(l => days.ContainsKey(l.Item2)));
        }

        var all = CoverageRules.GroupStories(days.Select(d => new ThemeArticle(d.Key, "", "", "", d.Value, null)), links);
        var shown = CoverageRules.NewestFirst(all).Skip(page.Offset).Take(page.Limit).ToList();
        var read = await ArticlesAsync(plan.Id, theme, shown.SelectMany(s => s.Copies.Prepend(s.Original)).Select(a => a.Id).ToList(), page.WithText, ct);
        var rows = shown.SelectMany(s => s.Copies.Prepend(s.Original).Where(a => read.ContainsKey(a.Id)).Select(a => (s.Original.Id, read[a.Id] with { Day = a.Day })));
        var title = plan.Plan.Themes.First(t => t.Code == theme).Title;
        return new ThemeStories(plan.Id, plan.Version, theme, title, asOf, all.Count, all.Sum(s => s.Copies.Count), page.Offset, CoverageRules.PageOfStories(rows));
    }

    /// <summary>Crawl state lives in the SQLite database (the crawler writes it there in every mode): its store answers,
    /// with the last article of each outlet read from the articles index, where the taggers write.</summary>
    public Task<IReadOnlyList<OutletHealth>> HealthAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct) =>
        articles is null ? sqlite.HealthAsync(outlets, asOf, ct) : sqlite.HealthAsync(outlets, asOf, articles, ct);

    /// <summary>Plans live in the SQLite database (small, versioned, loaded by an analyst): its store answers.</summary>
    public Task<StoredPlan?> PlanInForceAsync(string planId, DateOnly asOf, CancellationToken ct) => sqlite.PlanInForceAsync(planId, asOf, ct);

    /// <summary>A day field comes back from a terms source as epoch milliseconds of its UTC midnight (a formatted
    /// "yyyy-MM-dd..." string is read too, should a cluster answer that way).</summary>
    internal static string Day(FieldValue value) => value.TryGetString(out var text)
        ? text![..10]
        : CoverageRules.Key(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(value.TryGetLong(out var ms) ? ms!.Value : (long)value.Value!).UtcDateTime));

    /// <summary>The shown articles of a theme's page with the theme's evidence in each (the day is set by the caller).</summary>
    private async Task<Dictionary<string, ThemeArticle>> ArticlesAsync(string planId, string theme, IReadOnlyList<string> ids, bool withText, CancellationToken ct)
    {
        var evidence = new Dictionary<string, IReadOnlyList<Core.Tagging.Evidence>>(StringComparer.Ordinal);
        var result = new Dictionary<string, ThemeArticle>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(ElasticsearchQueries.PageSize))
        {
            string[] fields = withText ? ["id", "outlet", "title", "url", "published", "description", "text"] : ["id", "outlet", "title", "url", "published"];
            var tags = new BoolQuery { Filter = [ElasticsearchQueries.Term("plan_id", planId), ElasticsearchQueries.Term("theme_code", theme), ElasticsearchQueries.Terms("article_id", chunk)] };
            if (withText)
            {
                var tagged = (await Client.SearchAsync<StoryTagFields>(ElasticsearchQueries.Fields(connection.Tags, tags, chunk.Length, [], "article_id", "evidence"), ct))
                    .Checked($"POST {connection.Tags}/_search");
                foreach (var t in tagged.Documents)
                {
                    evidence[t.ArticleId] = t.Evidence;
                }
            }

            var request = ElasticsearchQueries.ByIds(connection.Articles, chunk, fields);
            var answer = (await Client.SearchAsync<ArticleDocument>(request, ct)).Checked($"POST {connection.Articles}/_search");
            foreach (var a in answer.Documents)
            {
                result[a.Id] = new ThemeArticle(a.Id, a.Outlet, a.Title, a.Url, default, a.Published is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null)
                {
                    Description = a.Description, Text = a.Text ?? "", Evidence = evidence.GetValueOrDefault(a.Id) ?? [],
                };
            }
        }

        return result;
    }

    /// <summary>Articles per theme, Vietnamese day and outlet inside the windows.</summary>
    private async Task<List<DailyCount>> DailyAsync(string planId, IEnumerable<ThemeWindow> windows, CancellationToken ct) =>
        (await BucketsAsync(connection.Tags, ElasticsearchQueries.TagsIn(planId, windows), ["theme_code", "day", "outlet"], ct))
            .Select(b => new DailyCount(Text(b.Key["theme_code"])!, Day(b.Key["day"]), Text(b.Key["outlet"])!, (int)b.Count))
            .ToList();

    /// <summary>The distinct articles (with their section when asked) of one outlet, or of all when empty, inside the windows.</summary>
    private async Task<IReadOnlyList<CountedArticles>> CountedAsync(string planId, IReadOnlyList<ThemeWindow> windows, string outlet, bool withSection,
        bool listed, CancellationToken ct)
    {
        var query = ElasticsearchQueries.TagsIn(planId, windows, outlet.Length > 0 ? outlet : null);
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, _) in await BucketsAsync(connection.Tags, query, ["article_id", "section"], ct, "section"))
        {
            seen.TryAdd(Text(key["article_id"])!, withSection ? Text(key["section"]) : null);
        }

        return CoverageAnswers.Group(seen.Select(a => (a.Key, a.Value)), withSection, listed);
    }

    /// <summary>Copies per theme: the linked articles (few) and their tags inside the windows, then the shared rule.</summary>
    private async Task<Dictionary<string, int>> CopiesAsync(string planId, IReadOnlyList<ThemeWindow> windows, CancellationToken ct)
    {
        var links = (await BucketsAsync(connection.Articles, ElasticsearchQueries.Linked(), ["id", "duplicate_of"], ct))
            .Select(b => (Text(b.Key["id"])!, Text(b.Key["duplicate_of"])!))
            .ToList();
        var tags = new List<(string, string, string)>();
        foreach (var chunk in links.SelectMany(l => new[] { l.Item1, l.Item2 }).Distinct(StringComparer.Ordinal).Chunk(IdsPerRequest))
        {
            var query = new BoolQuery { Filter = [ElasticsearchQueries.TagsIn(planId, windows), ElasticsearchQueries.Terms("article_id", chunk)] };
            tags.AddRange((await BucketsAsync(connection.Tags, query, ["article_id", "theme_code", "day"], ct))
                .Select(b => (Text(b.Key["article_id"])!, Text(b.Key["theme_code"])!, Day(b.Key["day"]))));
        }

        return CoverageAnswers.Copies(links, tags);
    }

    private Task<List<(IReadOnlyDictionary<string, FieldValue> Key, long Count)>> BucketsAsync(string index, Query query, string[] fields, CancellationToken ct,
        params string[] missing) => BucketsAsync(Client, index, query, fields, ct, missing);

    /// <summary>Every bucket of a composite aggregation, page after page (after_key), as (key, document count).</summary>
    internal static async Task<List<(IReadOnlyDictionary<string, FieldValue> Key, long Count)>> BucketsAsync(ElasticsearchClient client, string index, Query query,
        string[] fields, CancellationToken ct, params string[] missing)
    {
        var list = new List<(IReadOnlyDictionary<string, FieldValue>, long)>();
        IReadOnlyDictionary<string, FieldValue>? after = null;
        do
        {
            var request = ElasticsearchQueries.Composite(index, query, fields, after, missing);
            var answer = (await client.SearchAsync<ArticleDocument>(request, ct)).Checked($"POST {index}/_search");
            var aggregation = answer.Aggregations?.GetComposite(ElasticsearchQueries.Aggregation);
            var buckets = aggregation?.Buckets ?? [];
            list.AddRange(buckets.Select(b => (b.Key, b.DocCount)));
            after = buckets.Count < ElasticsearchQueries.PageSize ? null : aggregation?.AfterKey;
        }
        while (after is not null);

        return list;
    }

    internal static string? Text(FieldValue value) => value.IsNull ? null : value.TryGetString(out var text) ? text : value.ToString();
}

/// <summary>The fields of a tag document a theme's page reads: whose evidence it is.</summary>
internal sealed record StoryTagFields
{
    public string ArticleId { get; init; } = "";

    public IReadOnlyList<Core.Tagging.Evidence> Evidence { get; init; } = [];
}
