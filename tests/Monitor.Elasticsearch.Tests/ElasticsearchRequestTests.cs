using System.Text.Json.Nodes;
using Elastic.Transport.Extensions;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using static Monitor.Elasticsearch.Tests.Support.Documents;

namespace Monitor.Elasticsearch.Tests;

/// <summary>What the store sends, read off the official client's own serialization of its typed requests (captured by
/// the in-memory transport): filters, composite pages, mappings, bulk actions with their version guard. These say the
/// requests are built as intended; only the contract suite against a real cluster says the answers are right.</summary>
public sealed class ElasticsearchRequestTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_tag_filter_keeps_each_theme_on_its_own_window_and_leaves_open_ends_out()
    {
        var cluster = new ScriptedCluster(_ => (200, Answers.Composite([])));
        var store = new ElasticsearchCoverageStore(cluster.Connect(), null!);

        await store.QuotasAsync(new StoredPlan("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan()), new DateOnly(2024, 11, 24), QuotaDetail.Counts, Ct);

        // The first quota is outlet A's, over every theme; 3.1 opens on 1 January 2025, after the as-of day, and is not asked for.
        var query = JsonNode.Parse(cluster.Requests[0].Body)!["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("""{"term":{"plan_id":{"value":"w46"}}}""", query[0]!.ToJsonString());
        Assert.Equal(CoverageFixture.A, query[2]!["term"]!["outlet"]!["value"]!.GetValue<string>());
        var themes = query[1]!["bool"]!["should"]!.AsArray();
        Assert.Equal(3, themes.Count);
        Assert.Equal("""{"bool":{"filter":[{"term":{"theme_code":{"value":"1.2"}}},{"range":{"day":{"format":"yyyy-MM-dd","gte":"2024-11-11","lte":"2024-11-24"}}}]}}""",
            themes[0]!.ToJsonString());
        Assert.Equal("/t-tags/_search?typed_keys=true", cluster.Requests[0].Path);
    }

    [Fact]
    public async Task A_composite_page_asks_for_no_hits_and_the_next_carries_the_previous_pages_after_key()
    {
        var day = new DateTimeOffset(2024, 11, 12, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var cluster = new ScriptedCluster(r => (200, r.Body.Contains("\"after\"", StringComparison.Ordinal)
            ? Answers.Composite([])
            : Answers.Composite(Enumerable.Range(0, ElasticsearchQueries.PageSize).Select(i => Answers.Bucket("1.2", day, "o" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), 1)),
                $$"""{"theme_code":"1.2","day":{{day}},"outlet":"o0999"}""")));
        var store = new ElasticsearchCoverageStore(cluster.Connect(), null!);

        await store.EventsAsync(new StoredPlan("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan()), 3, Ct);

        var first = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal((0, false), (first["size"]!.GetValue<int>(), first["track_total_hits"]!.GetValue<bool>()));
        Assert.Equal("""{"composite":{"size":1000,"sources":[{"outlet":{"terms":{"field":"outlet"}}},{"article_id":{"terms":{"field":"article_id"}}}]}}""",
            first["aggregations"]!["c"]!.ToJsonString());
        Assert.Null(first["aggregations"]!["c"]!["composite"]!["after"]);
        Assert.Equal($$"""{"theme_code":"1.2","day":{{day}},"outlet":"o0999"}""", JsonNode.Parse(cluster.Requests[1].Body)!["aggregations"]!["c"]!["composite"]!["after"]!.ToJsonString());
    }

    [Fact]
    public async Task A_missing_index_is_created_strict_with_its_mapping_and_an_existing_one_gets_the_mapping_put_again()
    {
        var cluster = new ScriptedCluster(r => (r.Method, r.Path) switch
        {
            ("HEAD", "/t-articles") => (404, ""),
            ("HEAD", _) => (200, ""),
            ("PUT", "/t-articles") => (200, """{"acknowledged":true,"shards_acknowledged":true,"index":"t-articles"}"""),
            _ => (200, """{"acknowledged":true}"""),
        });

        await new ElasticsearchIndices(cluster.Connect()).EnsureAsync(Ct);

        Assert.Equal(["HEAD /t-articles", "PUT /t-articles", "HEAD /t-tags", "PUT /t-tags/_mapping"], cluster.Requests.Select(r => r.Method + " " + r.Path));
        var articles = JsonNode.Parse(cluster.Requests[1].Body)!["mappings"]!;
        var tags = JsonNode.Parse(cluster.Requests[3].Body)!;
        Assert.Equal(("strict", "strict"), (articles["dynamic"]!.GetValue<string>(), tags["dynamic"]!.GetValue<string>()));
        foreach (var field in new[] { "article_id", "plan_id", "theme_code", "outlet", "section", "week", "month" })
        {
            Assert.Equal("keyword", tags["properties"]![field]!["type"]!.GetValue<string>());
        }

        Assert.Equal("""{"format":"yyyy-MM-dd","type":"date"}""", tags["properties"]!["day"]!.ToJsonString());
        Assert.Equal("""{"index":false,"type":"text"}""", articles["properties"]!["text"]!.ToJsonString());
        Assert.Equal("text", articles["properties"]!["text_folded"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_field_a_document_is_written_with_is_named_by_the_strict_mapping_and_nothing_else()
    {
        var cluster = new ScriptedCluster(r => (r.Method, r.Path) switch
        {
            ("HEAD", _) => (404, ""),
            ("PUT", _) => (200, """{"acknowledged":true}"""),
            _ => (200, Answers.Bulk([])),
        });
        var connection = cluster.Connect();
        await new ElasticsearchIndices(connection).EnsureAsync(Ct);

        await new ElasticsearchIndexer(connection).IndexAsync([Indexed("a1", "1.2") with { Article = Article("a1") with { Section = "Thời sự", DuplicateOf = ["b"] } }], ["w46"], Ct);

        var mapped = cluster.Requests.Where(r => r.Method == "PUT").Select(r => JsonNode.Parse(r.Body)!["mappings"]!["properties"]!.AsObject().Select(p => p.Key).Order().ToList()).ToList();
        var written = cluster.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body.Split('\n')[1])!.AsObject().Select(p => p.Key).Order().ToList()).ToList();
        Assert.Equal(mapped, written);
    }

    [Fact]
    public async Task Bulk_actions_write_articles_under_their_id_and_tags_under_article_plan_and_theme_guarded_by_the_fetch_time()
    {
        var cluster = new ScriptedCluster(_ => (200, Answers.Bulk([])));

        await new ElasticsearchIndexer(cluster.Connect()).IndexAsync([Indexed("a1", "1.2", "1.3")], ["w46"], Ct);

        var version = DateTimeOffset.Parse("2024-11-12T09:00:00.000+07:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var articles = cluster.Requests[0].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tags = cluster.Requests[1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"index\":{\"_id\":\"a1\",\"_index\":\"t-articles\",\"version\":" + version + ",\"version_type\":\"external_gte\"}}", articles[0]);
        Assert.Equal(2, articles.Length);
        Assert.Equal("{\"index\":{\"_id\":\"a1|w46|1.3\",\"_index\":\"t-tags\",\"version\":" + version + ",\"version_type\":\"external_gte\"}}", tags[2]);
        Assert.Equal(("1.3", "2024-11-12", "2024-W46"), (JsonNode.Parse(tags[3])!["theme_code"]!.GetValue<string>(), JsonNode.Parse(tags[3])!["day"]!.GetValue<string>(),
            JsonNode.Parse(tags[3])!["week"]!.GetValue<string>()));
        Assert.EndsWith("\n", cluster.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_is_written_with_the_near_duplicate_links_the_crawler_stored_added_to_those_it_carries()
    {
        await using var store = await StoreFixture.CreateAsync();
        var duplicates = new Storage.Crawl.NearDuplicates(store.Db, TimeProvider.System);
        var published = new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7));
        await duplicates.AddAsync("b", "Báo khác", 0x1234, published, 6, Ct);
        await duplicates.AddAsync("c", "Báo thứ ba", 0x1234, published, 6, Ct);
        Assert.Equal(2, (await duplicates.AddAsync("a1", "Báo Kon Tum", 0x1235, published, 6, Ct)).Count);
        var cluster = new ScriptedCluster(_ => (200, Answers.Bulk([])));

        // a1 carries one link already (a re-tag read it back from the index); a2 has none anywhere.
        await new ElasticsearchIndexer(cluster.Connect(), null, duplicates)
            .IndexAsync([Indexed("a1", "1.2") with { Article = Article("a1") with { DuplicateOf = ["c", "z"] } }, Indexed("a2", "1.2")], ["w46"], Ct);

        var lines = cluster.Requests[0].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("""["b","c","z"]""", lines[1]["duplicate_of"]!.ToJsonString());
        Assert.Equal("[]", lines[3]["duplicate_of"]!.ToJsonString());
    }

    [Fact]
    public void A_retag_deletes_the_plans_tags_of_the_batch_that_were_not_written_again()
    {
        var cluster = new ScriptedCluster(_ => (200, "{}"));
        var client = cluster.Connect().Client;

        var query = client.RequestResponseSerializer.SerializeToString(ElasticsearchIndexer.StaleTags([Indexed("a1", "2.5"), Indexed("a2")], ["w46"]));

        Assert.Equal(
            """{"bool":{"filter":[{"terms":{"article_id":["a1","a2"]}},{"terms":{"plan_id":["w46"]}}],"must_not":{"ids":{"values":["a1|w46|2.5"]}}}}""",
            query);
    }
}
