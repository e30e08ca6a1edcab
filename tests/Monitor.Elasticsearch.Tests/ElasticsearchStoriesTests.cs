using System.Text.Json.Nodes;
using Monitor.Core.Tagging;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch.Tests;

/// <summary>A page of a theme's stories from Elasticsearch (<see cref="ElasticsearchCoverageStore.StoriesAsync"/>) over the
/// in-memory transport: every article of the theme grouped from aggregations (ids, days, the crawler's links), then only
/// the page's articles and their evidence read. They prove the requests and the reading; the stories contract against
/// a real cluster proves the answers.</summary>
public sealed class ElasticsearchStoriesTests
{
    private static readonly System.Text.Json.JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };
    private static readonly StoredPlan Plan = new("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan());

    [Fact]
    public async Task The_second_page_reads_only_its_story_and_copy_with_their_evidence_and_counts_every_story()
    {
        // e1 (12th) is copied by e2 (13th); e3 (14th) is a story of its own, the newest: page 1 is e3, page 2 is e1 and e2.
        var cluster = new ScriptedCluster(r => (r.Path.Split('?')[0], r.Body.Contains("\"composite\"", StringComparison.Ordinal)) switch
        {
            ("/t-tags/_search", true) => (200, Answers.Composite([
                Answers.Keyed(1, ("article_id", "e1"), ("day", "2024-11-12")), Answers.Keyed(1, ("article_id", "e2"), ("day", "2024-11-13")),
                Answers.Keyed(1, ("article_id", "e3"), ("day", "2024-11-14"))])),
            ("/t-articles/_search", true) => (200, Answers.Composite([Answers.Keyed(1, ("id", "e2"), ("duplicate_of", "e1")), Answers.Keyed(1, ("id", "e2"), ("duplicate_of", "zz"))])),
            ("/t-tags/_search", false) => (200, Answers.Hits("t-tags",
                ("e1|w46|1.2", """{"article_id":"e1","evidence":[{"text":"ngộ độc","start":0,"end":7,"field":"description"}]}"""),
                ("e2|w46|1.2", """{"article_id":"e2","evidence":[]}"""))),
            _ => (200, Answers.Hits("t-articles",
                ("e1", System.Text.Json.JsonSerializer.Serialize(Support.Documents.Article("e1") with { Description = "ngộ độc ở bếp ăn" }, SnakeCase)),
                ("e2", System.Text.Json.JsonSerializer.Serialize(Support.Documents.Article("e2") with { Outlet = "Đài Kon Tum" }, SnakeCase)))),
        });
        var store = new ElasticsearchCoverageStore(cluster.Connect(), null!);

        var page = (await store.StoriesAsync(Plan, "1.2", new DateOnly(2024, 11, 24), new StoryPage(1, 1), CancellationToken.None))!;

        Assert.Equal((2, 1, 3, 1), (page.Total, page.Copies, page.Articles, page.Offset));
        var story = Assert.Single(page.Stories);
        Assert.Equal(("e1", new DateOnly(2024, 11, 12), "ngộ độc ở bếp ăn"), (story.Original.Id, story.Original.Day, story.Original.Description));
        Assert.Equal([new Evidence("ngộ độc", 0, 7, "description")], story.Original.Evidence);
        Assert.Equal(("e2", "Đài Kon Tum", new DateOnly(2024, 11, 13)), (Assert.Single(story.Copies).Id, story.Copies[0].Outlet, story.Copies[0].Day));
        // The links asked only of the theme's articles; the evidence and the documents only of the page's two.
        var links = JsonNode.Parse(cluster.Requests[1].Body)!["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(["e1", "e2", "e3"], links[1]!["terms"]!["id"]!.AsArray().Select(v => v!.GetValue<string>()));
        var evidence = JsonNode.Parse(cluster.Requests[2].Body)!["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(["e1", "e2"], evidence[2]!["terms"]!["article_id"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["e1", "e2"], JsonNode.Parse(cluster.Requests[3].Body)!["query"]!["ids"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(4, cluster.Requests.Count);
    }
}
