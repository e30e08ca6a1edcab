using Elastic.Clients.Elasticsearch;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Feedback;

namespace Monitor.Elasticsearch;

/// <summary>Analysts' feedback in the Elasticsearch store. The decisions live in the SQLite database beside the plans
/// (written by the dashboard, read by the export and the learner); their effect lives in the tags index, as in SQLite's
/// tags: a rejected theme is never written (so no count sees it), a confirmed or added theme is written whatever the
/// tagger said, with score 0. Applied on both sides of a decision: when it is made (<see cref="ElasticsearchFeedbackSink"/>)
/// and at every later write of the article (<see cref="ElasticsearchIndexer"/> asks <see cref="FeedbackDecisions"/>).</summary>
internal static class ElasticsearchFeedback
{
    /// <summary>The batch with the decisions applied: rejected themes left out, confirmed and added themes the tagging
    /// left out put in (score 0, the plan's latest version, the tagging's time).</summary>
    public static IReadOnlyList<IndexedArticle> Apply(IReadOnlyList<IndexedArticle> batch, IReadOnlyCollection<string> plans, IReadOnlyList<TagDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return batch;
        }

        var byArticle = decisions.Where(d => plans.Contains(d.PlanId)).ToLookup(d => d.ArticleId, StringComparer.Ordinal);
        return batch.Select(a =>
        {
            var mine = byArticle[a.Article.Id].ToList();
            if (mine.Count == 0)
            {
                return a;
            }

            var rejected = mine.Where(d => d.Verdict == Verdict.Rejected).Select(d => (d.PlanId, d.Theme)).ToHashSet();
            var tags = a.Tags.Where(t => !rejected.Contains((t.PlanId, t.ThemeCode))).ToList();
            var taggedAt = a.Tags.Count > 0 ? a.Tags[0].TaggedAt : a.Article.FetchedAt;
            foreach (var kept in mine.Where(d => d.Verdict != Verdict.Rejected && !tags.Any(t => t.PlanId == d.PlanId && t.ThemeCode == d.Theme)))
            {
                tags.Add(TagDocument.Of(a.Article, kept.PlanId, kept.PlanVersion, kept.Theme, 0, taggedAt));
            }

            return a with { Tags = tags };
        }).ToList();
    }
}

/// <summary>Applies a decision to the tags index when the dashboard records it: a rejected theme's document is deleted;
/// a confirmed or added theme's is created from the article document when it is missing (an existing tag keeps its
/// score, as SQLite's INSERT OR IGNORE does). An article Elasticsearch does not hold yet gets the decision when it is
/// written (the indexer applies the decisions in force).</summary>
public sealed class ElasticsearchFeedbackSink(ElasticsearchConnection connection, TimeProvider time) : ITagFeedbackSink
{
    private const int NotFound = 404;
    private const int Conflict = 409;

    public async Task ApplyAsync(TagDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var client = connection.Client;
        var id = TagDocument.Id(decision.ArticleId, decision.PlanId, decision.Theme);
        if (decision.Verdict == Verdict.Rejected)
        {
            (await client.DeleteAsync(new DeleteRequest(connection.Tags, id), ct)).Checked($"DELETE {connection.Tags}/_doc", NotFound);
            return;
        }

        var article = (await client.GetAsync<ArticleDocument>(new GetRequest(connection.Articles, decision.ArticleId), ct)).Checked($"GET {connection.Articles}/_doc", NotFound);
        if (article.Source is not { } document)
        {
            return;
        }

        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var tag = TagDocument.Of(document, decision.PlanId, decision.PlanVersion, decision.Theme, 0, now);
        (await client.CreateAsync(new CreateRequest<TagDocument>(tag, connection.Tags, id), ct)).Checked($"PUT {connection.Tags}/_create", Conflict);
    }
}
