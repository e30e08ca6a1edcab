using System.Globalization;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Articles;

namespace Monitor.Elasticsearch;

/// <summary>Tagged articles straight into Elasticsearch, the store of the scaled-out deployment: each tagger process
/// bulk-writes its own batches, so throughput grows with tagger processes and partitions instead of queueing on one
/// SQLite writer. Idempotent by article id, guarded by the fetch time (an older fetch is left out, tags and all); the
/// call returns once the cluster has acknowledged every item, so the consumer stores its offsets only after that.</summary>
public sealed class ElasticsearchArticleTagWriter(ElasticsearchIndexer indexer, TimeProvider time) : IArticleTagWriter
{
    public Task<IReadOnlyList<int>> WriteAsync(TaggedBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return indexer.IndexAsync(Documents(batch, time.GetUtcNow()), batch.Plans.Select(p => p.Id).ToList(), ct);
    }

    /// <summary>The documents of a tagged batch: each article with its tags for every plan in the batch.</summary>
    internal static List<IndexedArticle> Documents(TaggedBatch batch, DateTimeOffset now)
    {
        var taggedAt = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return batch.Articles.Select((article, i) =>
        {
            var results = batch.Plans.Select((plan, p) => (Plan: plan, Result: batch.Results[i][p])).ToList();
            // Passing mentions never count (docs/tagging.md, "What counts"): the tags index holds counted themes only; the
            // mentions ride on the article document for its page.
            var mentions = results.SelectMany(r => r.Result.Themes.Where(theme => !theme.Counts).Select(theme => new MentionDocument
            {
                PlanId = r.Plan.Id, PlanVersion = r.Plan.Version, ThemeCode = theme.Code, Score = theme.Score, Evidence = theme.Evidence,
            })).ToList();
            var document = ArticleDocument.Of(article, batch.Search[i], references: results.SelectMany(r => r.Result.References), mentions: mentions);
            var tags = results.SelectMany(r => r.Result.Themes.Where(theme => theme.Counts)
                    .Select(theme => TagDocument.Of(document, r.Plan.Id, r.Plan.Version, theme.Code, theme.Score, taggedAt, theme.Evidence, theme.Grade)))
                .ToList();
            return new IndexedArticle(document, tags);
        }).ToList();
    }
}
