using System.Text.Json.Nodes;
using Monitor.Storage.Coverage;
using Monitor.Storage.Elasticsearch;
using Monitor.Storage.Tests.Support;

namespace Monitor.Storage.Tests.Elasticsearch;

/// <summary>What the Elasticsearch store sends and how it reads answers, checked without a server: the request bodies
/// for the fixture plan, the bulk body and its ids, a bulk answer with refused items. These say the requests are built
/// as intended; only the contract suite against a real cluster says the answers are right.</summary>
public sealed class ElasticsearchRequestTests
{
    private static readonly ElasticsearchIndices Indices = new(new ElasticsearchClient(new HttpClient(), new ElasticsearchOptions { Url = "http://127.0.0.1:9", IndexPrefix = "t-" }));

    [Fact]
    public void The_tag_filter_keeps_each_theme_on_its_own_window_and_leaves_open_ends_out()
    {
        var plan = CoverageFixture.Plan();

        var query = ElasticsearchQueries.TagsIn("w46", CoverageRules.Windows(plan, null, new DateOnly(2024, 11, 24)), CoverageFixture.B);

        var filter = query["bool"]!["filter"]!.AsArray();
        Assert.Equal("""{"term":{"plan_id":"w46"}}""", filter[0]!.ToJsonString());
        Assert.Equal("""{"term":{"outlet":"Đài PT-TH Kon Tum"}}""", filter[2]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var themes = filter[1]!["bool"]!["should"]!.AsArray();
        // 3.1 opens on 1 January 2025, after the as-of day: it holds nothing and is not asked for.
        Assert.Equal(3, themes.Count);
        Assert.Equal("""{"bool":{"filter":[{"term":{"theme_code":"1.2"}},{"range":{"day":{"format":"yyyy-MM-dd","gte":"2024-11-11","lte":"2024-11-24"}}}]}}""",
            themes[0]!.ToJsonString());
    }

    [Fact]
    public void A_window_open_at_the_end_has_no_upper_bound_and_no_window_at_all_matches_nothing()
    {
        var open = ElasticsearchQueries.TagsIn("w46", [new ThemeWindow("3.1", new DateOnly(2025, 1, 1), null)]);
        var none = ElasticsearchQueries.TagsIn("w46", [new ThemeWindow("1.2", new DateOnly(2024, 12, 1), new DateOnly(2024, 11, 1))]);

        Assert.Equal("""{"format":"yyyy-MM-dd","gte":"2025-01-01"}""", open["bool"]!["filter"]![1]!["bool"]!["should"]![0]!["bool"]!["filter"]![1]!["range"]!["day"]!.ToJsonString());
        Assert.Equal("""{"match_none":{}}""", none.ToJsonString());
    }

    [Fact]
    public void A_composite_page_asks_for_no_hits_and_carries_the_previous_pages_after_key()
    {
        var after = JsonNode.Parse("""{"article_id":"abc","section":null}""");

        var body = ElasticsearchQueries.Composite(new JsonObject { ["match_all"] = new JsonObject() }, ["article_id", "section"], after, "section");

        Assert.Equal(
            """{"size":0,"track_total_hits":false,"query":{"match_all":{}},"aggs":{"c":{"composite":{"size":1000,"sources":[{"article_id":{"terms":{"field":"article_id"}}},{"section":{"terms":{"field":"section","missing_bucket":true}}}],"after":{"article_id":"abc","section":null}}}}}""",
            body.ToJsonString());
    }

    [Fact]
    public void The_mappings_are_strict_and_type_codes_outlets_and_days_for_exact_filters()
    {
        var tags = ElasticsearchIndices.TagsMapping()["mappings"]!;
        var articles = ElasticsearchIndices.ArticlesMapping()["mappings"]!;

        Assert.Equal(("strict", "strict"), (tags["dynamic"]!.GetValue<string>(), articles["dynamic"]!.GetValue<string>()));
        foreach (var field in new[] { "article_id", "plan_id", "theme_code", "outlet", "section", "week", "month" })
        {
            Assert.Equal("keyword", tags["properties"]![field]!["type"]!.GetValue<string>());
        }

        Assert.Equal("""{"type":"date","format":"yyyy-MM-dd"}""", tags["properties"]!["day"]!.ToJsonString());
        Assert.Equal("text", articles["properties"]!["text_folded"]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", articles["properties"]!["duplicate_of"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_bulk_body_writes_each_article_under_its_id_and_each_tag_under_article_plan_and_theme()
    {
        var batch = new[] { Indexed("a1", "1.2", "1.3") };

        var (body, owners) = ElasticsearchIndexer.BulkBody(Indices, batch);

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("""{"index":{"_index":"t-articles","_id":"a1"}}""", lines[0]);
        Assert.Equal("""{"index":{"_index":"t-tags","_id":"a1|w46|1.2"}}""", lines[2]);
        Assert.Equal("""{"index":{"_index":"t-tags","_id":"a1|w46|1.3"}}""", lines[4]);
        Assert.Equal("1.3", JsonNode.Parse(lines[5])!["theme_code"]!.GetValue<string>());
        Assert.All(owners.Values, v => Assert.Equal("a1", v));
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retag_deletes_the_plans_tags_of_the_batch_that_were_not_written_again()
    {
        var query = ElasticsearchIndexer.StaleTags([Indexed("a1", "2.5"), Indexed("a2")], ["w46"]);

        Assert.Equal(
            """{"query":{"bool":{"filter":[{"terms":{"article_id":["a1","a2"]}},{"terms":{"plan_id":["w46"]}}],"must_not":[{"ids":{"values":["a1|w46|2.5"]}}]}}}""",
            query.ToJsonString());
    }

    [Fact]
    public void Every_refused_bulk_item_becomes_one_line_naming_its_article_and_the_reason()
    {
        var owners = new Dictionary<(string, string), string> { [("t-articles", "a1")] = "a1", [("t-tags", "a1|w46|1.2")] = "a1", [("t-articles", "a2")] = "a2" };
        var answer = JsonNode.Parse("""
            {"took":3,"errors":true,"items":[
              {"index":{"_index":"t-articles","_id":"a1","status":201,"result":"created"}},
              {"index":{"_index":"t-tags","_id":"a1|w46|1.2","status":400,"error":{"type":"strict_dynamic_mapping_exception","reason":"mapping set to strict, dynamic introduction of [x] within [_doc] is not allowed"}}},
              {"index":{"_index":"t-articles","_id":"a2","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution"}}}]}
            """)!;

        var failures = ElasticsearchIndexer.ParseBulk(answer, owners);

        Assert.Equal(["a1", "a2"], failures.Select(f => f.ArticleId));
        Assert.Equal("bài a1: t-tags/a1|w46|1.2 bị từ chối (HTTP 400) strict_dynamic_mapping_exception: mapping set to strict, dynamic introduction of [x] within [_doc] is not allowed",
            failures[0].ToString());
        var e = new ElasticsearchBulkException(failures);
        Assert.Equal(3, e.Message.Split(Environment.NewLine).Length);
        Assert.Empty(ElasticsearchIndexer.ParseBulk(JsonNode.Parse("""{"took":1,"errors":false,"items":[]}""")!, owners));
    }

    [Fact]
    public void A_day_key_from_a_composite_bucket_is_the_stored_day()
    {
        var key = JsonNode.Parse($$"""{"day":{{new DateTimeOffset(2024, 11, 18, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()}},"as_text":"2024-11-18"}""")!;

        Assert.Equal("2024-11-18", ElasticsearchCoverageStore.Day(key["day"]!));
        Assert.Equal("2024-11-18", ElasticsearchCoverageStore.Day(key["as_text"]!));
    }

    [Fact]
    public void Copies_counted_in_memory_follow_the_rule_of_the_sqlite_query_whichever_way_a_link_points()
    {
        // As in the gap contract test: a5 copies a2 (1.3), and a3 (17 Nov) is linked to a4 (18 Nov) the other way round (1.2).
        var copies = CoverageAnswers.Copies([("a5", "a2"), ("a3", "a4")],
            [("a2", "1.2", "2024-11-11"), ("a2", "1.3", "2024-11-11"), ("a5", "1.3", "2024-11-20"), ("a3", "1.2", "2024-11-17"), ("a4", "1.2", "2024-11-18")]);

        Assert.Equal(new Dictionary<string, int> { ["1.3"] = 1, ["1.2"] = 1 }, copies);
    }

    private static IndexedArticle Indexed(string id, params string[] themes) => new(
        new ArticleDocument(id, "https://x.vn/" + id, "Báo Kon Tum", null, "Tin " + id, "tin " + id, "noi dung", "2024-11-12T08:00:00.000+07:00",
            "2024-11-12T09:00:00.000+07:00", "2024-11-12", "2024-W46", "2024-11", "h", []),
        themes.Select(t => new TagDocument(id, "w46", 1, t, 1.0, "Báo Kon Tum", null, "2024-11-12", "2024-W46", "2024-11", "2024-11-12T09:00:00.000+07:00")).ToList());
}
