using System.Text.Json.Nodes;
using Monitor.Elasticsearch.Documents;
using Monitor.Elasticsearch.Tests.Support;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Elasticsearch.Tests;

/// <summary>An article's versions in the articles index, kept as SQLite keeps them: the tagger's write reads what the
/// index holds first; the feed brings SQLite's; the article page reads the document. In-memory transport and a real
/// SQLite store; the contract suite against a real cluster proves the answers.</summary>
public sealed class ElasticsearchVersionsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly System.Text.Json.JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public async Task A_taggers_write_reads_the_stored_versions_first_and_counts_a_change_only_for_newer_other_content()
    {
        var changed = """{"id":"a2","content_hash":"old","title":"Tin cũ","fetched_at":"2024-11-12T08:00:00.000+07:00","revision":2,"changes":[{"version":2,"previous_title":"Tin đầu","changed_at":"2024-11-11T08:00:00.000+07:00"}]}""";
        var same = """{"id":"a1","content_hash":"h","title":"Tin a1","fetched_at":"2024-11-12T09:00:00.000+07:00","revision":3,"changes":[]}""";
        var newer = """{"id":"a4","content_hash":"newer","title":"Tin mới hơn","fetched_at":"2024-11-13T09:00:00.000+07:00","revision":5,"changes":[]}""";
        var cluster = new ScriptedCluster(r => r.Path.StartsWith("/t-articles/_search", StringComparison.Ordinal)
            ? (200, Answers.Hits("t-articles", ("a1", same), ("a2", changed), ("a4", newer)))
            : (200, Answers.Bulk([])));
        // A tagger's documents: it knows no versions (revision 0).
        IndexedArticle Fresh(string id) => new(Support.Documents.Article(id) with { Revision = 0 }, []);

        await new ElasticsearchIndexer(cluster.Connect()).IndexAsync([Fresh("a1"), Fresh("a2"), Fresh("a3"), Fresh("a4")], ["w46"], Ct);

        var read = JsonNode.Parse(cluster.Requests[0].Body)!;
        Assert.Equal(["a1", "a2", "a3", "a4"], read["query"]!["ids"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["id", "content_hash", "title", "fetched_at", "revision", "changes"], read["_source"]!["includes"]!.AsArray().Select(v => v!.GetValue<string>()));
        var written = cluster.Requests[1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where((_, i) => i % 2 == 0).Select(l => JsonNode.Parse(l)!).ToList();
        // a1: same content (a redelivery): its version stays. a2: other, newer content: version 3, "Tin cũ" recorded.
        // a3: new: version 1. a4: the index holds a newer fetch: nothing recorded (the guard refuses this write).
        Assert.Equal([3, 3, 1, 5], written.Select(w => w["revision"]!.GetValue<int>()));
        Assert.Equal("""[{"version":2,"previous_title":"Tin đầu","changed_at":"2024-11-11T08:00:00.000+07:00"},{"version":3,"previous_title":"Tin cũ","changed_at":"2024-11-12T09:00:00.000+07:00"}]""",
            System.Text.RegularExpressions.Regex.Unescape(written[1]["changes"]!.ToJsonString()));
        Assert.Equal(["[]", "[]", "[]"], written.Where((_, i) => i != 1).Select(w => w["changes"]!.ToJsonString()));
    }

    [Fact]
    public async Task Documents_that_know_their_versions_are_written_without_reading_the_index()
    {
        var cluster = new ScriptedCluster(_ => (200, Answers.Bulk([])));

        await new ElasticsearchIndexer(cluster.Connect()).IndexAsync([Support.Documents.Indexed("a1") with { Article = Support.Documents.Article("a1") with { Revision = 2 } }], ["w46"], Ct);

        Assert.Equal("/_bulk", cluster.Requests[0].Path.Split('?')[0]);
        Assert.DoesNotContain(cluster.Requests, r => r.Path.Contains("_search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_brings_sqlites_version_and_earlier_titles()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        var a2 = Article("a2", A, null, Articles[1].Published);
        await store.UpsertAsync(a2 with { Title = "Tin a2 đã sửa", ContentHash = "sua", FetchedAt = a2.FetchedAt.AddDays(1) });

        await using var read = await store.Db.ConnectAsync(Ct);
        var (page, _) = await ElasticsearchFeed.PageAsync(read, 0, 10, Ct);

        var fed = page.Single(p => p.Article.Id == a2.Id).Article;
        Assert.Equal((2, "Tin a2", 2), (fed.Revision, Assert.Single(fed.Changes).PreviousTitle, fed.Changes[0].Version));
        Assert.All(page.Where(p => p.Article.Id != a2.Id), p => Assert.Equal((1, 0), (p.Article.Revision, p.Article.Changes.Count)));
    }

    [Fact]
    public async Task The_article_page_reads_the_version_and_the_earlier_titles_from_the_document()
    {
        var article = System.Text.Json.JsonSerializer.Serialize(Support.Documents.Article("a1") with
        {
            Revision = 3,
            Changes = [new ChangeDocument { Version = 3, PreviousTitle = "Tin b", ChangedAt = "2024-11-13" }, new ChangeDocument { Version = 2, PreviousTitle = "Tin a", ChangedAt = "2024-11-12" }],
        }, SnakeCase);
        var cluster = new ScriptedCluster(r => r.Path.Contains("/a1", StringComparison.Ordinal)
            ? (200, $$"""{"_index":"t-articles","_id":"a1","_version":1731376800000,"_seq_no":0,"_primary_term":1,"found":true,"_source":{{article}}}""")
            : (404, """{"_index":"t-articles","_id":"a9","found":false}"""));
        var store = new ElasticsearchArticleStore(cluster.Connect(), null!, TimeProvider.System);

        Assert.Equal(3, await store.VersionAsync("a1", Ct));
        Assert.Equal(["2 Tin a 2024-11-12", "3 Tin b 2024-11-13"],
            (await store.ChangesAsync("a1", Ct)).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Version} {c.PreviousTitle} {c.ChangedAt}")));
        Assert.Equal((1, 0), (await store.VersionAsync("a9", Ct), (await store.ChangesAsync("a9", Ct)).Count));
    }
}
