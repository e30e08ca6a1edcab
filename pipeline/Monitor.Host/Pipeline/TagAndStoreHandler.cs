using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;

namespace Monitor.Host.Pipeline;

/// <summary>The embedded pipeline step: a batch of raw articles is tagged against every stored plan and stored
/// with its tags, in the queue's transaction. A message that is not an article goes to the dead-letter table.</summary>
internal sealed class TagAndStoreHandler(SqliteQueue queue, PlanStore plans, TimeProvider time, ILogger<TagAndStoreHandler> logger)
{
    private readonly ConcurrentDictionary<(string, int), PlanMatcher> _matchers = new();

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
            results[i] = current.Select(c => c.Matcher.Tag(articles[i])).ToArray();
            search[i] = SearchText.Of(articles[i]);
        });
        return new TaggedBatch(articles, search, current.Select(c => (c.Id, c.Version)).ToList(), results);
    }

    private async Task<List<(string Id, int Version, PlanMatcher Matcher)>> CurrentMatchersAsync(CancellationToken ct) =>
        (await plans.LatestAsync(ct)).Select(p => (p.Id, p.Version, _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)))).ToList();
}
