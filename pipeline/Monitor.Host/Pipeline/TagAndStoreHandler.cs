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
        var current = (await plans.LatestAsync(ct)).Select(p => (p.Id, p.Version, Matcher: _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)))).ToList();
        var now = time.GetUtcNow();
        foreach (var message in batch)
        {
            Article article;
            try
            {
                article = ArticleJson.Deserialize(message.Payload);
            }
            catch (FormatException e)
            {
                logger.LogWarning("Bỏ qua tin nhắn {Key} trên hàng đợi: {Error}", message.Key, e.Message);
                await queue.DeadLetterAsync(connection, tx, SqliteQueue.RawTopic, message, e.Message, ct);
                continue;
            }

            await ArticleWriter.UpsertAsync(connection, tx, article, now, ct);
            foreach (var (planId, version, matcher) in current)
            {
                await ArticleWriter.ReplaceTagsAsync(connection, tx, planId, version, matcher.Tag(article), now, ct);
            }
        }
    }
}
