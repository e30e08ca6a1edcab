using System.Text.Json.Nodes;
using Monitor.Elasticsearch.Tests.Support;
using Monitor.Storage.Feedback;
using static Monitor.Elasticsearch.Tests.Support.Documents;

namespace Monitor.Elasticsearch.Tests;

/// <summary>Analysts' decisions reach the tags index: every bulk write applies the decisions in force (read from the
/// SQLite history), and the dashboard's store applies a new one at once (delete a rejected tag, create a kept one
/// from the article document unless it exists).</summary>
public sealed class ElasticsearchFeedbackTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly System.Text.Json.JsonSerializerOptions Snake = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public async Task A_tagger_batch_leaves_out_a_rejected_theme_and_writes_an_added_one_with_score_zero()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await CoverageFixture.FillAsync(store.Db);
        var feedback = new FeedbackStore(store.Db, TimeProvider.System);
        await feedback.RecordAsync(plan.Id, "a1", "1.3", Verdict.Rejected, null, "analyst", Ct);
        await feedback.RecordAsync(plan.Id, "a1", "2.5", Verdict.Added, null, "analyst", Ct);
        // A decision later reversed: the latest one (confirmed) is in force.
        await feedback.RecordAsync(plan.Id, "a2", "1.2", Verdict.Rejected, null, "analyst", Ct);
        await feedback.RecordAsync(plan.Id, "a2", "1.2", Verdict.Confirmed, null, "analyst", Ct);
        var cluster = new ScriptedCluster(r => r.Body.Contains("t-articles", StringComparison.Ordinal)
            ? (200, Answers.Bulk([Answers.Indexed("t-articles", "a1"), Answers.Indexed("t-articles", "a2")]))
            : (200, Answers.Bulk([Answers.Indexed("t-tags", "a1|w46|1.2"), Answers.Indexed("t-tags", "a1|w46|2.5"), Answers.Indexed("t-tags", "a2|w46|1.2")])));

        await new ElasticsearchIndexer(cluster.Connect(), new FeedbackDecisions(store.Db)).IndexAsync([Indexed("a1", "1.2", "1.3"), Indexed("a2", "1.2")], ["w46"], Ct);

        var tags = cluster.Requests[1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a1|w46|1.2", "a1|w46|2.5", "a2|w46|1.2"], tags.Where(t => t["index"] is not null).Select(t => t["index"]!["_id"]!.GetValue<string>()));
        var added = tags.Single(t => t["theme_code"]?.GetValue<string>() == "2.5");
        Assert.Equal((0.0, plan.Version, "2024-11-12"), (added["score"]!.GetValue<double>(), added["plan_version"]!.GetValue<int>(), added["day"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rejection_deletes_the_tag_document_and_a_missing_one_is_no_error()
    {
        var cluster = new ScriptedCluster(_ => (404, """{"_index":"t-tags","_id":"a1|w46|1.3","_version":1,"result":"not_found","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":3,"_primary_term":1}"""));

        await new ElasticsearchFeedbackSink(cluster.Connect(), TimeProvider.System).ApplyAsync(new TagDecision("w46", 1, "a1", "1.3", Verdict.Rejected), Ct);

        var request = Assert.Single(cluster.Requests);
        Assert.Equal(("DELETE", "/t-tags/_doc/a1%7Cw46%7C1.3"), (request.Method, request.Path.Split('?')[0]));
    }

    [Fact]
    public async Task An_added_theme_is_created_from_the_article_document_and_an_existing_tag_keeps_its_score()
    {
        var article = System.Text.Json.JsonSerializer.Serialize(Article("a1"), Snake);
        var cluster = new ScriptedCluster(r => r.Method == "GET"
            ? (200, $$"""{"_index":"t-articles","_id":"a1","_version":1731376800000,"_seq_no":0,"_primary_term":1,"found":true,"_source":{{article}}}""")
            : (409, """{"error":{"root_cause":[{"type":"version_conflict_engine_exception","reason":"[a1|w46|2.5]: version conflict, document already exists (current version [1])"}],"type":"version_conflict_engine_exception","reason":"[a1|w46|2.5]: version conflict, document already exists (current version [1])"},"status":409}"""));

        await new ElasticsearchFeedbackSink(cluster.Connect(), TimeProvider.System).ApplyAsync(new TagDecision("w46", 2, "a1", "2.5", Verdict.Added), Ct);

        Assert.Equal(["GET /t-articles/_doc/a1", "PUT /t-tags/_create/a1%7Cw46%7C2.5"], cluster.Requests.Select(r => r.Method + " " + r.Path.Split('?')[0]));
        var tag = JsonNode.Parse(cluster.Requests[1].Body)!;
        Assert.Equal(("2.5", 2, 0.0, "Báo Kon Tum", "2024-W46"),
            (tag["theme_code"]!.GetValue<string>(), tag["plan_version"]!.GetValue<int>(), tag["score"]!.GetValue<double>(), tag["outlet"]!.GetValue<string>(), tag["week"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_decision_about_an_article_the_index_does_not_hold_yet_writes_nothing_now()
    {
        var cluster = new ScriptedCluster(_ => (404, """{"_index":"t-articles","_id":"a9","found":false}"""));

        await new ElasticsearchFeedbackSink(cluster.Connect(), TimeProvider.System).ApplyAsync(new TagDecision("w46", 1, "a9", "1.2", Verdict.Confirmed), Ct);

        Assert.Equal("GET", Assert.Single(cluster.Requests).Method);
    }
}
