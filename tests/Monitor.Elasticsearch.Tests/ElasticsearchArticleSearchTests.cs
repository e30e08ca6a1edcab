using System.Globalization;
using System.Text.Json.Nodes;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Search;

namespace Monitor.Elasticsearch.Tests;

/// <summary>Tìm kiếm on the articles index (<see cref="ElasticsearchArticleSearch"/>) over the in-memory transport: the
/// requests read off the client's serialization, answers in the REST specification's shapes (hits with total, sort
/// values and _source; typed_keys composite buckets). They prove the requests and the reading; the contract suite
/// against a real cluster proves the answers.</summary>
public sealed class ElasticsearchArticleSearchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Every_folded_word_must_match_the_title_or_the_body_under_the_filters_newest_first_with_the_exact_total_and_the_plans_themes()
    {
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/", StringComparison.Ordinal)
            ? (200, Found(42, ("a2", "a2", 1731380400000L)))
            : (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a2"), ("theme_code", "1.3")), Answers.Keyed(1, ("article_id", "a2"), ("theme_code", "1.2"))])));
        var search = new ElasticsearchArticleSearch(cluster.Connect());

        var (total, page) = await search.SearchAsync(
            new ArticleQuery(["ngo", "doc"], CoverageFixture.A, new DateOnly(2024, 11, 11), new DateOnly(2024, 11, 17), "w46"), 20, 20, Ct);

        var body = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal("/t-articles/_search", cluster.Requests[0].Path.Split('?')[0]);
        var filter = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("""{"multi_match":{"fields":["title_folded","text_folded"],"query":"ngo"}}""", filter[0]!.ToJsonString());
        Assert.Equal("""{"multi_match":{"fields":["title_folded","text_folded"],"query":"doc"}}""", filter[1]!.ToJsonString());
        Assert.Equal(CoverageFixture.A, filter[2]!["term"]!["outlet"]!["value"]!.GetValue<string>());
        Assert.Equal("""{"range":{"day":{"format":"yyyy-MM-dd","gte":"2024-11-11","lte":"2024-11-17"}}}""", filter[3]!.ToJsonString());
        Assert.Equal(4, filter.Count);
        Assert.Equal("""[{"counted_at":{"order":"desc"}},{"id":{"order":"asc"}}]""", body["sort"]!.ToJsonString());
        Assert.Equal((20, 20, true), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>(), body["track_total_hits"]!.GetValue<bool>()));
        Assert.Equal(["id", "title", "description", "text", "outlet", "section", "day", "url"], body["_source"]!["includes"]!.AsArray().Select(v => v!.GetValue<string>()));
        // The page's themes of the plan: one composite over the tags of the page's articles.
        var themes = JsonNode.Parse(cluster.Requests[1].Body)!;
        Assert.Equal("/t-tags/_search", cluster.Requests[1].Path.Split('?')[0]);
        Assert.Equal(["a2"], themes["query"]!["bool"]!["filter"]![1]!["terms"]!["article_id"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(2, cluster.Requests.Count);
        Assert.Equal(42, total);
        var hit = Assert.Single(page);
        Assert.Equal(("a2", "Phòng ngộ độc thực phẩm", "Sở Y tế khuyến cáo", "Nội dung a2", CoverageFixture.A, "Y tế", "2024-11-12", "https://x.vn/a2", "1.2 1.3"),
            (hit.Id, hit.Title, hit.Description, hit.Text, hit.Outlet, hit.Section, hit.Day, hit.Url, string.Join(' ', hit.Themes)));
    }

    [Fact]
    public async Task A_theme_filter_reads_the_themes_articles_from_the_tags_index_and_an_empty_theme_searches_nothing()
    {
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/", StringComparison.Ordinal)
            ? (200, Found(1, ("a5", "a5", 1732068000000L)))
            : r.Body.Contains("\"theme_code\":{\"terms\"", StringComparison.Ordinal)
                ? (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a5"), ("theme_code", "1.3"))]))
                : (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a2")), Answers.Keyed(1, ("article_id", "a5"))])));
        var search = new ElasticsearchArticleSearch(cluster.Connect());

        var (total, page) = await search.SearchAsync(new ArticleQuery(["noi"], Plan: "w46", Theme: "1.3"), 0, 20, Ct);

        var tags = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal("/t-tags/_search", cluster.Requests[0].Path.Split('?')[0]);
        Assert.Equal("""[{"term":{"plan_id":{"value":"w46"}}},{"term":{"theme_code":{"value":"1.3"}}}]""", tags["query"]!["bool"]!["filter"]!.ToJsonString());
        var filter = JsonNode.Parse(cluster.Requests[1].Body)!["query"]!["bool"]!["filter"]!.AsArray();
        // A single clause is written as one object, which the REST specification allows beside an array.
        Assert.Equal("""{"bool":{"minimum_should_match":1,"should":{"terms":{"id":["a2","a5"]}}}}""", filter[^1]!.ToJsonString());
        Assert.Equal((1, "a5", "1.3"), (total, Assert.Single(page).Id, Assert.Single(page[0].Themes)));

        var none = new ScriptedCluster(_ => (200, Answers.Composite([])));
        Assert.Equal(0, (await new ElasticsearchArticleSearch(none.Connect()).SearchAsync(new ArticleQuery(["noi"], Plan: "w46", Theme: "9.9"), 0, 20, Ct)).Total);
        Assert.Single(none.Requests);
    }

    [Fact]
    public async Task A_page_beyond_the_result_window_walks_there_with_search_after_and_no_source()
    {
        var cluster = new ScriptedCluster(r => JsonNode.Parse(r.Body)!["size"]!.GetValue<int>() == ElasticsearchArticleSearch.Window
            ? (200, Found(10_050, Enumerable.Range(0, ElasticsearchArticleSearch.Window).Select(i => ("s" + i, (string?)null, 2_000_000_000_000L - i)).ToArray()))
            : (200, Found(10_050, ("b1", "b1", 1_000_000_000_000L))));
        var search = new ElasticsearchArticleSearch(cluster.Connect());

        var (total, page) = await search.SearchAsync(new ArticleQuery(["noi"]), ElasticsearchArticleSearch.Window, 20, Ct);

        var skip = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal((false, null), (skip["_source"]!.GetValue<bool>(), skip["from"]));
        var last = JsonNode.Parse(cluster.Requests[1].Body)!;
        Assert.Equal(("[1999999990001,\"s9999\"]", null, 20), (last["search_after"]!.ToJsonString(), last["from"], last["size"]!.GetValue<int>()));
        Assert.Equal((10_050, "b1"), (total, Assert.Single(page).Id));
        Assert.Equal(2, cluster.Requests.Count);
    }

    [Fact]
    public async Task The_outlet_filter_lists_the_outlets_of_the_articles_index()
    {
        var cluster = new ScriptedCluster(_ => (200, Answers.Composite([Answers.Keyed(3, ("outlet", CoverageFixture.B)), Answers.Keyed(5, ("outlet", CoverageFixture.A))])));

        var outlets = await new ElasticsearchArticleSearch(cluster.Connect()).OutletsAsync(Ct);

        Assert.Equal([CoverageFixture.A, CoverageFixture.B], outlets);
        Assert.Equal("/t-articles/_search", cluster.Requests[0].Path.Split('?')[0]);
        Assert.Equal("""{"composite":{"size":1000,"sources":[{"outlet":{"terms":{"field":"outlet"}}}]}}""",
            JsonNode.Parse(cluster.Requests[0].Body)!["aggregations"]!["c"]!.ToJsonString());
    }

    /// <summary>A search answer with the exact total and, per hit, its sort values (counted_at, id) and, when named, a source.</summary>
    private static string Found(long total, params (string Id, string? Name, long CountedAt)[] hits) =>
        """{"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":"""
        + total.ToString(CultureInfo.InvariantCulture) + ""","relation":"eq"},"max_score":null,"hits":["""
        + string.Join(",", hits.Select(h => "{\"_index\":\"t-articles\",\"_id\":\"" + h.Id + "\",\"_score\":null"
            + (h.Name is null ? "" : ",\"_source\":" + Source(h.Name))
            + ",\"sort\":[" + h.CountedAt.ToString(CultureInfo.InvariantCulture) + ",\"" + h.Id + "\"]}"))
        + "]}}";

    private static string Source(string name) =>
        "{\"id\":\"" + name + "\",\"title\":\"Phòng ngộ độc thực phẩm\",\"description\":\"Sở Y tế khuyến cáo\",\"text\":\"Nội dung " + name + "\",\"outlet\":\""
        + CoverageFixture.A + "\",\"section\":\"Y tế\",\"day\":\"2024-11-12\",\"url\":\"https://x.vn/" + name + "\"}";
}
