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

        await WriteAsync(connection, tx, await TagAsync(articles, ct), ct);
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

    /// <summary>The Kafka tagger's second step: stores a tagged batch in one transaction of its own and returns the
    /// positions (in the batch) of the articles the store took. Storing is an upsert by article id, so a redelivered
    /// article is not stored twice; an article older than the stored one (a reordered redelivery) is left out, tags and all.</summary>
    public async Task<IReadOnlyList<int>> StoreAsync(TaggedBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await db.ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var stored = await WriteAsync(connection, tx, batch, ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    private async Task<IReadOnlyList<int>> WriteAsync(SqliteConnection connection, SqliteTransaction tx, TaggedBatch batch, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stored = new List<int>(batch.Articles.Count);
        for (var i = 0; i < batch.Articles.Count; i++)
        {
            var outcome = await ArticleWriter.UpsertAsync(connection, tx, batch.Articles[i], now, ct, batch.Search[i]);
            if (outcome == UpsertOutcome.Stale)
            {
                continue;
            }

            for (var p = 0; p < batch.Plans.Count; p++)
            {
                var (planId, version) = batch.Plans[p];
                await ArticleWriter.ReplaceTagsAsync(connection, tx, planId, version, batch.Results[i][p], now, ct, fresh: outcome == UpsertOutcome.Inserted);
            }

            stored.Add(i);
        }

        return stored;
    }

    private async Task<List<(string Id, int Version, PlanMatcher Matcher)>> CurrentMatchersAsync(CancellationToken ct) =>
        (await plans.LatestAsync(ct)).Select(p => (p.Id, p.Version, _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)))).ToList();
}

/// <summary>Articles with their folded search text and their tags against each plan version in force
/// (<c>Results[article][plan]</c>), not yet stored.</summary>
internal sealed record TaggedBatch(IReadOnlyList<Article> Articles, IReadOnlyList<SearchText> Search, IReadOnlyList<(string Id, int Version)> Plans, TagResult[][] Results);
