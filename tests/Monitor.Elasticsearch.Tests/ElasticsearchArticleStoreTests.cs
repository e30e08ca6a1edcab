using System.Text.Json.Nodes;
using Monitor.Core.Tagging;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch.Tests;

/// <summary>The articles behind the numbers from Elasticsearch (<see cref="ElasticsearchArticleStore"/>) over the in-memory
/// transport: the requests read off the client's serialization, answers written in the REST specification's shapes
/// (typed_keys composite buckets, search hits with _source, GET with found/_source, bulk items). They prove the requests
/// and the reading; the contract suite against a real cluster proves the answers.</summary>
public sealed class ElasticsearchArticleStoreTests
{
    private static readonly System.Text.Json.JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly StoredPlan Plan = new("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan());

    [Fact]
    public async Task A_list_counts_the_distinct_articles_of_its_numbers_query_and_pages_them_newest_first_with_their_themes()
    {
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/", StringComparison.Ordinal)
            ? (200, Answers.Hits("t-articles",
                ("a1", Source("a1", "2024-11-12T08:00:00.000+07:00", 1731373200000)),
                ("a2", Source("a2", null, 1731380400000)),
                ("a3", Source("a3", "2024-11-14T08:00:00.000+07:00", 1731546000000))))
            : r.Body.Contains("\"theme_code\":{\"terms\"", StringComparison.Ordinal)
                ? (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a2"), ("theme_code", "1.3")), Answers.Keyed(1, ("article_id", "a2"), ("theme_code", "1.2"))]))
                : (200, Answers.Composite([Answers.Keyed(2, ("article_id", "a1")), Answers.Keyed(1, ("article_id", "a2")), Answers.Keyed(3, ("article_id", "a3"))])));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        var (total, page) = await store.ListAsync(Plan.Id, CoverageRules.Windows(Plan.Plan, null, null), CoverageFixture.B, "Phòng cháy", 1, 1, Ct);

        // Distinct articles of the same filter as the number (plan, windows, outlet) and the section.
        var distinct = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal("""{"composite":{"size":1000,"sources":[{"article_id":{"terms":{"field":"article_id"}}}]}}""", distinct["aggregations"]!["c"]!.ToJsonString());
        var filter = distinct["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(CoverageFixture.B, filter[0]!["bool"]!["filter"]![2]!["term"]!["outlet"]!["value"]!.GetValue<string>());
        Assert.Equal("Phòng cháy", filter[1]!["term"]!["section"]!["value"]!.GetValue<string>());
        // Every counted article's fields by id, then the page's themes only.
        var fields = JsonNode.Parse(cluster.Requests[1].Body)!;
        Assert.Equal(["a1", "a2", "a3"], fields["query"]!["ids"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("counted_at", fields["_source"]!["includes"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["a2"], JsonNode.Parse(cluster.Requests[2].Body)!["query"]!["bool"]!["filter"]![1]!["terms"]!["article_id"]!.AsArray().Select(v => v!.GetValue<string>()));
        // a3 is the newest, a2 (fetched, never published) the second: offset 1 takes it; its themes in ordinal order.
        Assert.Equal(3, total);
        Assert.Equal(("a2", "Tin a2", "2024-11-12", "https://x.vn/a2", "1.2 1.3"), Tuple(Assert.Single(page)));
    }

    [Fact]
    public async Task A_column_quotas_list_is_paged_from_the_tags_of_its_columns_sections_only()
    {
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/", StringComparison.Ordinal)
            ? (200, Answers.Hits("t-articles", ("a1", Source("a1", "2024-11-12T08:00:00.000+07:00", 1731373200000))))
            : r.Body.Contains("\"section\":{\"terms\"", StringComparison.Ordinal)
                ? (200, Answers.Composite([Answers.Keyed(1, ("section", "Phòng cháy")), Answers.Keyed(2, ("section", "Thời sự"))]))
                : r.Body.Contains("\"theme_code\":{\"terms\"", StringComparison.Ordinal)
                    ? (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a1"), ("theme_code", "1.3"))]))
                    : (200, Answers.Composite([Answers.Keyed(1, ("article_id", "a1"))])));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);
        // The fixture's second quota: one "chuyên mục Phòng cháy" a month of theme 1.3 in B, as the coverage store counted it.
        var quota = new QuotaStatus(1, "1.3", CoverageFixture.B, 1, "chuyên mục", "month", new(2024, 11, 11), null, 2, 1, 2, 1, "Phòng cháy", null, "mỗi tháng 01 chuyên mục Phòng cháy");

        var (total, page) = await store.QuotaListAsync(Plan, quota, new DateOnly(2024, 12, 5), 0, 50, Ct);

        // The sections of the quota's tags (its windows and outlet), then its distinct articles in the column's section only.
        var sections = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal("""{"composite":{"size":1000,"sources":[{"section":{"terms":{"field":"section"}}}]}}""", sections["aggregations"]!["c"]!.ToJsonString());
        var distinct = JsonNode.Parse(cluster.Requests[1].Body)!["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(CoverageFixture.B, distinct[0]!["bool"]!["filter"]![2]!["term"]!["outlet"]!["value"]!.GetValue<string>());
        Assert.Equal(["Phòng cháy"], distinct[1]!["terms"]!["section"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal((1, "a1"), (total, Assert.Single(page).Id));
    }

    [Fact]
    public async Task Articles_per_day_are_the_distinct_day_and_article_buckets_of_the_numbers_query()
    {
        var cluster = new ScriptedCluster(_ => (200, Answers.Composite([
            Answers.Keyed(1, ("day", "2024-11-12"), ("article_id", "a1")), Answers.Keyed(2, ("day", "2024-11-12"), ("article_id", "a2")),
            Answers.Keyed(1, ("day", "2024-11-14"), ("article_id", "a3"))])));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        var days = await store.PerDayAsync(Plan.Id, CoverageRules.Windows(Plan.Plan, null, null), CoverageFixture.B, null, Ct);

        // a2 has two themes (two tags, one bucket): one article of its day.
        Assert.Equal([("2024-11-12", 2), ("2024-11-14", 1)], days);
        var request = JsonNode.Parse(Assert.Single(cluster.Requests).Body)!;
        Assert.Equal("""{"composite":{"size":1000,"sources":[{"day":{"terms":{"field":"day"}}},{"article_id":{"terms":{"field":"article_id"}}}]}}""", request["aggregations"]!["c"]!.ToJsonString());
        Assert.Equal(CoverageFixture.B, request["query"]!["bool"]!["filter"]![2]!["term"]!["outlet"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_article_page_asks_for_its_tags_in_page_order_and_reads_evidence_grade_mentions_and_citations()
    {
        var tag = """{"plan_id":"w46","plan_version":2,"theme_code":"1.2","score":2.5,"grade":"partial","evidence":[{"text":"ngộ độc","start":6,"end":13,"field":"title"}]}""";
        var article = System.Text.Json.JsonSerializer.Serialize(Support.Documents.Article("a1") with
        {
            References = ["12/CT-UBND", "45/KH-UBND"],
            Mentions = [Support.Documents.MentionOf("w46", "1.3")],
        }, SnakeCase);
        var cluster = new ScriptedCluster(r => r.Method == "GET"
            ? (200, $$"""{"_index":"t-articles","_id":"a1","_version":1731376800000,"_seq_no":0,"_primary_term":1,"found":true,"_source":{{article}}}""")
            : (200, Answers.Hits("t-tags", ("a1|w46|1.2", tag))));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        var tags = await store.TagsAsync("a1", Ct);
        var mentions = await store.MentionsAsync("a1", Ct);
        var cited = await store.CitedAsync("a1", Ct);
        var read = await store.ArticleAsync("a1", Ct);

        var search = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal("/t-tags/_search", cluster.Requests[0].Path.Split('?')[0]);
        Assert.Equal("""{"term":{"article_id":{"value":"a1"}}}""", search["query"]!.ToJsonString());
        Assert.Equal("""[{"plan_id":{"order":"asc"}},{"score":{"order":"desc"}},{"theme_code":{"order":"asc"}}]""", search["sort"]!.ToJsonString());
        var stored = Assert.Single(tags);
        Assert.Equal(("w46", 2, "1.2", 2.5, "partial"), (stored.Plan, stored.Version, stored.Theme, stored.Score, stored.Grade));
        Assert.Equal([new Evidence("ngộ độc", 6, 13, "title")], stored.Evidence);
        Assert.Equal(("1.3", ThemeGrade.Mention, "xe điện"), (Assert.Single(mentions).Theme, mentions[0].Grade, Assert.Single(mentions[0].Evidence).Text));
        Assert.Equal(["12/CT-UBND", "45/KH-UBND"], cited);
        Assert.Equal(("Tin a1", "Báo Kon Tum"), (read!.Title, read.Outlet));
        Assert.Equal(["GET /t-articles/_doc/a1"], cluster.Requests.Skip(1).Select(r => r.Method + " " + r.Path.Split('?')[0]).Distinct());
    }

    [Fact]
    public async Task An_article_the_index_does_not_hold_has_no_page()
    {
        var cluster = new ScriptedCluster(_ => (404, """{"_index":"t-articles","_id":"a9","found":false}"""));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        Assert.Null(await store.ArticleAsync("a9", Ct));
        Assert.Empty(await store.CitedAsync("a9", Ct));
    }

    [Fact]
    public async Task The_last_article_of_an_outlet_is_its_newest_day_up_to_the_as_of_day()
    {
        var cluster = new ScriptedCluster(r => System.Text.RegularExpressions.Regex.Unescape(r.Body).Contains(CoverageFixture.A, StringComparison.Ordinal)
            ? (200, Answers.Hits("t-articles", ("a4", """{"day":"2024-11-18"}""")))
            : (200, Answers.Hits("t-articles")));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        var days = await store.LastArticleDaysAsync([CoverageFixture.A, CoverageFixture.B], new DateOnly(2024, 11, 30), Ct);

        Assert.Equal([(CoverageFixture.A, new DateOnly(2024, 11, 18))], days.Select(kv => (kv.Key, kv.Value)));
        var first = JsonNode.Parse(cluster.Requests[0].Body)!;
        // The client writes a single sort as one object, which the REST specification allows beside an array.
        Assert.Equal((1, """{"day":{"order":"desc"}}"""), (first["size"]!.GetValue<int>(), first["sort"]!.ToJsonString()));
        Assert.Equal("""{"range":{"day":{"format":"yyyy-MM-dd","lte":"2024-11-30"}}}""", first["query"]!["bool"]!["filter"]![1]!.ToJsonString());
    }

    [Fact]
    public async Task The_nightly_replay_deletes_rejected_tags_and_creates_kept_ones_from_the_article_and_takes_gone_or_existing_tags_as_done()
    {
        await using var db = await StoreFixture.CreateAsync();
        var plan = await CoverageFixture.FillAsync(db.Db);
        var feedback = new FeedbackStore(db.Db, TimeProvider.System);
        await feedback.RecordAsync(plan.Id, "a1", "1.3", Verdict.Rejected, null, "analyst", Ct);
        await feedback.RecordAsync(plan.Id, "a1", "2.5", Verdict.Added, null, "analyst", Ct);
        await feedback.RecordAsync(plan.Id, "a9", "1.2", Verdict.Confirmed, null, "analyst", Ct);
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/", StringComparison.Ordinal)
            ? (200, Answers.Hits("t-articles", ("a1", """{"id":"a1","outlet":"Báo Kon Tum","section":null,"day":"2024-11-12","week":"2024-W46","month":"2024-11"}""")))
            : (200, Answers.Bulk(
            [
                """{"delete":{"_index":"t-tags","_id":"a1|w46|1.3","_version":1,"result":"not_found","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":4,"_primary_term":1,"status":404}}""",
                Answers.Refused("t-tags", "a1|w46|2.5", 409, "version_conflict_engine_exception", "[a1|w46|2.5]: version conflict, document already exists (current version [1])")
                    .Replace("{\"index\":", "{\"create\":", StringComparison.Ordinal),
            ])));

        var applied = await new ElasticsearchFeedbackReplay(cluster.Connect(), new FeedbackDecisions(db.Db), TimeProvider.System).RunAsync(Ct);

        // a9 is not in the index: its decision waits for the article's write. A tag already gone or already there is no error.
        Assert.Equal(2, applied);
        Assert.Equal(["a1", "a9"], JsonNode.Parse(cluster.Requests[0].Body)!["query"]!["ids"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        var lines = cluster.Requests[1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("""{"delete":{"_id":"a1|w46|1.3","_index":"t-tags"}}""", lines[0].ToJsonString());
        Assert.Equal("""{"create":{"_id":"a1|w46|2.5","_index":"t-tags"}}""", lines[1].ToJsonString());
        Assert.Equal(("2.5", 0.0, plan.Version, "Báo Kon Tum", "2024-11-12", "2024-W46"),
            (lines[2]["theme_code"]!.GetValue<string>(), lines[2]["score"]!.GetValue<double>(), lines[2]["plan_version"]!.GetValue<int>(), lines[2]["outlet"]!.GetValue<string>(),
                lines[2]["day"]!.GetValue<string>(), lines[2]["week"]!.GetValue<string>()));
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task A_replay_item_the_cluster_refuses_for_another_reason_fails_the_upkeep_with_its_line()
    {
        await using var db = await StoreFixture.CreateAsync();
        var plan = await CoverageFixture.FillAsync(db.Db);
        await new FeedbackStore(db.Db, TimeProvider.System).RecordAsync(plan.Id, "a1", "1.3", Verdict.Rejected, null, "analyst", Ct);
        var cluster = new ScriptedCluster(_ => (200, Answers.Bulk(
            [Answers.Refused("t-tags", "a1|w46|1.3", 429, "es_rejected_execution_exception", "rejected execution").Replace("{\"index\":", "{\"delete\":", StringComparison.Ordinal)])));

        var failure = await Assert.ThrowsAsync<ElasticsearchBulkException>(
            () => new ElasticsearchFeedbackReplay(cluster.Connect(), new FeedbackDecisions(db.Db), TimeProvider.System).RunAsync(Ct));

        Assert.Contains("es_rejected_execution_exception", failure.Message, StringComparison.Ordinal);
        Assert.Single(cluster.Requests);
    }

    private static string Source(string id, string? published, long countedAt) =>
        $$"""{"id":"{{id}}","title":"Tin {{id}}","outlet":"{{CoverageFixture.B}}","section":"Phòng cháy","day":"2024-11-12","url":"https://x.vn/{{id}}","published":{{(published is null ? "null" : "\"" + published + "\"")}},"fetched_at":"2024-11-12T10:00:00.000+07:00","counted_at":{{countedAt}}}""";

    private static (string, string, string, string, string) Tuple(ListedArticle a) => (a.Id, a.Title, a.Day, a.Url, string.Join(' ', a.Themes));
}
