using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Queue;

namespace Monitor.Host.Pipeline;

/// <summary>The embedded pipeline step: a batch of raw articles is tagged against every stored plan and stored
/// with its tags, in the queue's transaction. A message that is not an article goes to the dead-letter table.</summary>
internal sealed class TagAndStoreHandler(MonitorDatabase db, SqliteQueue queue, PlanStore plans, TimeProvider time, ILogger<TagAndStoreHandler> logger)
{
    private readonly ConcurrentDictionary<(string, int), PlanMatcher> _matchers = new();

    public async Task HandleAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<QueuedMessage> batch, CancellationToken ct)
    {
        var current = await CurrentMatchersAsync(ct);
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

            await WriteAsync(connection, tx, article, current, now, ct);
        }
    }

    /// <summary>The Kafka tagger's step: tags and stores the articles in one transaction of its own and returns what
    /// each was tagged with. Storing is an upsert by article id, so a redelivered article is not stored twice.</summary>
    public async Task<IReadOnlyList<PlanTags>> StoreAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var current = await CurrentMatchersAsync(ct);
        var now = time.GetUtcNow();
        // Tagging is CPU work and independent per article: spread it over the cores; the writes stay one transaction.
        var results = new TagResult[articles.Count][];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = current.Select(c => c.Matcher.Tag(articles[i])).ToArray());
        var tagged = new List<PlanTags>(articles.Count * Math.Max(1, current.Count));
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < articles.Count; i++)
        {
            await ArticleWriter.UpsertAsync(connection, tx, articles[i], now, ct);
            for (var p = 0; p < current.Count; p++)
            {
                await ArticleWriter.ReplaceTagsAsync(connection, tx, current[p].Id, current[p].Version, results[i][p], now, ct);
                tagged.Add(new PlanTags(current[p].Id, current[p].Version, results[i][p]));
            }
        }

        await tx.CommitAsync(ct);
        return tagged;
    }

    private async Task<List<(string Id, int Version, PlanMatcher Matcher)>> CurrentMatchersAsync(CancellationToken ct) =>
        (await plans.LatestAsync(ct)).Select(p => (p.Id, p.Version, _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)))).ToList();

    private static async Task WriteAsync(SqliteConnection connection, SqliteTransaction tx, Article article,
        List<(string Id, int Version, PlanMatcher Matcher)> current, DateTimeOffset now, CancellationToken ct)
    {
        await ArticleWriter.UpsertAsync(connection, tx, article, now, ct);
        foreach (var (planId, version, matcher) in current)
        {
            await ArticleWriter.ReplaceTagsAsync(connection, tx, planId, version, matcher.Tag(article), now, ct);
        }
    }
}

/// <summary>What one article was tagged with against one plan version.</summary>
internal sealed record PlanTags(string PlanId, int PlanVersion, TagResult Result);
