using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;

namespace Monitor.Host.Pipeline;

/// <summary>The embedded pipeline step: a batch of raw articles is tagged against every stored plan and stored
/// with its tags, in the queue's transaction. A message that is not an article goes to the dead-letter table.</summary>
internal sealed class TagAndStoreHandler(SqliteQueue queue, PlanStore plans, RelevanceModels models, TimeProvider time, ILogger<TagAndStoreHandler> logger)
{
    private readonly ConcurrentDictionary<(string, int), PlanMatcher> _matchers = new();
    private readonly ConcurrentDictionary<(string, long), RelevanceModel?> _models = new();

    public async Task HandleAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<QueuedMessage> batch, CancellationToken ct)
    {
        var articles = new List<Article>(batch.Count);
        foreach (var message in batch)
        {
            try
            {
                articles.Add(ArticleJson.Deserialize(message.Payload));
            }
            catch (FormatException e)
            {
                logger.LogWarning("Bỏ qua tin nhắn {Key} trên hàng đợi: {Error}", message.Key, e.Message);
                await queue.DeadLetterAsync(connection, tx, SqliteQueue.RawTopic, message, e.Message, ct);
            }
        }

        await SqliteArticleTagWriter.WriteAsync(connection, tx, await TagAsync(articles, ct), time.GetUtcNow(), ct);
    }

    /// <summary>The first step (both buses): tags the articles against every stored plan, spread over the cores
    /// (CPU work, independent per article, no store lock held).</summary>
    public async Task<TaggedBatch> TagAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var current = await CurrentMatchersAsync(ct);
        var results = new TagResult[articles.Count][];
        var search = new SearchText[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            results[i] = current.Select(c => c.Matcher.Tag(articles[i], c.Model)).ToArray();
            search[i] = SearchText.Of(articles[i]);
        });
        return new TaggedBatch(articles, search, current.Select(c => (c.Id, c.Version)).ToList(), results);
    }

    /// <summary>Every stored plan's latest matcher and its learnt relevance model (the second stage, when one was trained);
    /// a model is read from the store again only when its revision moved (a re-training that changed it).</summary>
    private async Task<List<(string Id, int Version, PlanMatcher Matcher, RelevanceModel? Model)>> CurrentMatchersAsync(CancellationToken ct)
    {
        var revisions = await models.RevisionsAsync(ct);
        var current = new List<(string, int, PlanMatcher, RelevanceModel?)>();
        foreach (var p in await plans.LatestAsync(ct))
        {
            RelevanceModel? model = null;
            if (revisions.TryGetValue(p.Id, out var revision) && !_models.TryGetValue((p.Id, revision), out model))
            {
                model = _models[(p.Id, revision)] = await models.FindAsync(p.Id, ct);
            }

            current.Add((p.Id, p.Version, _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)), model));
        }

        return current;
    }
}
