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

/// <summary>The tagging step of both buses. Embedded: a batch of raw articles is tagged against every stored plan and
/// stored with its tags, in the queue's transaction; a message that is not an article goes to the dead-letter table. With
/// the second opinion on (<see cref="WorkerSecondOpinion"/>) the batch is tagged and reviewed first, outside the
/// transaction (<see cref="PrepareAsync"/>), and only stored inside it (<see cref="StoreAsync"/>). Kafka: the tagger
/// calls <see cref="TagAndReviewAsync"/> and stores through its own writer.</summary>
internal sealed class TagAndStoreHandler(SqliteQueue queue, PlanStore plans, RelevanceModels models, WorkerSecondOpinion secondOpinion, TimeProvider time,
    ILogger<TagAndStoreHandler> logger)
{
    private readonly ConcurrentDictionary<(string, int), PlanMatcher> _matchers = new();
    private readonly ConcurrentDictionary<(string, long), RelevanceModel?> _models = new();

    /// <summary>A stored plan's latest version as the tagger uses it: its matcher and its learnt model, if any.</summary>
    public sealed record CurrentPlan(string Id, int Version, Monitor.Core.Plans.Plan Plan, PlanMatcher Matcher, RelevanceModel? Model);

    /// <summary>A batch tagged (and reviewed) before its transaction: the tags and the messages that are not articles.</summary>
    public sealed record PreparedBatch(TaggedBatch Tagged, IReadOnlyList<(QueuedMessage Message, string Error)> Bad);

    /// <summary>True when the worker must call <see cref="PrepareAsync"/> outside the transaction (the second opinion is on).</summary>
    public bool PreparesOutsideTransaction => secondOpinion.Enabled;

    public async Task HandleAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<QueuedMessage> batch, CancellationToken ct)
    {
        var (articles, bad) = Parse(batch);
        await StoreAsync(connection, tx, new PreparedBatch(Tag(articles, await CurrentMatchersAsync(ct), ct), bad), ct);
    }

    /// <summary>Parses, tags and has the borderline pairs reviewed by the second opinion; holds no store lock.</summary>
    public async Task<PreparedBatch> PrepareAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken ct)
    {
        var (articles, bad) = Parse(batch);
        return new PreparedBatch(await TagAndReviewAsync(articles, ct), bad);
    }

    /// <summary>Tags, then, when the second opinion is on, has the borderline pairs reviewed (a no-op otherwise). The
    /// Kafka tagger's step, and the worker's before its transaction: no store lock is held while the model answers.</summary>
    public async Task<TaggedBatch> TagAndReviewAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var current = await CurrentMatchersAsync(ct);
        return await secondOpinion.ReviewAsync(Tag(articles, current, ct), current, ct);
    }

    /// <summary>Inside the queue's transaction: dead-letters what is not an article and writes the tags.</summary>
    public async Task StoreAsync(SqliteConnection connection, SqliteTransaction tx, PreparedBatch prepared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        foreach (var (message, error) in prepared.Bad)
        {
            logger.LogWarning("Bỏ qua tin nhắn {Key} trên hàng đợi: {Error}", message.Key, error);
            await queue.DeadLetterAsync(connection, tx, SqliteQueue.RawTopic, message, error, ct);
        }

        await SqliteArticleTagWriter.WriteAsync(connection, tx, prepared.Tagged, time.GetUtcNow(), ct);
    }

    /// <summary>Tags the articles against every stored plan, spread over the cores (CPU work, independent per article).</summary>
    private static TaggedBatch Tag(IReadOnlyList<Article> articles, IReadOnlyList<CurrentPlan> current, CancellationToken ct)
    {
        var results = new TagResult[articles.Count][];
        var search = new SearchText[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            results[i] = current.Select(c => c.Matcher.Tag(articles[i], c.Model)).ToArray();
            search[i] = SearchText.Of(articles[i]);
        });
        return new TaggedBatch(articles, search, current.Select(c => (c.Id, c.Version)).ToList(), results);
    }

    private static (List<Article> Articles, List<(QueuedMessage, string)> Bad) Parse(IReadOnlyList<QueuedMessage> batch)
    {
        var articles = new List<Article>(batch.Count);
        var bad = new List<(QueuedMessage, string)>();
        foreach (var message in batch)
        {
            try
            {
                articles.Add(ArticleJson.Deserialize(message.Payload));
            }
            catch (FormatException e)
            {
                bad.Add((message, e.Message));
            }
        }

        return (articles, bad);
    }

    /// <summary>Every stored plan's latest matcher and its learnt relevance model (the second stage, when one was trained);
    /// a model is read from the store again only when its revision moved (a re-training that changed it).</summary>
    private async Task<List<CurrentPlan>> CurrentMatchersAsync(CancellationToken ct)
    {
        var revisions = await models.RevisionsAsync(ct);
        var current = new List<CurrentPlan>();
        foreach (var p in await plans.LatestAsync(ct))
        {
            RelevanceModel? model = null;
            if (revisions.TryGetValue(p.Id, out var revision) && !_models.TryGetValue((p.Id, revision), out model))
            {
                model = _models[(p.Id, revision)] = await models.FindAsync(p.Id, ct);
            }

            current.Add(new CurrentPlan(p.Id, p.Version, p.Plan, _matchers.GetOrAdd((p.Id, p.Version), _ => new PlanMatcher(p.Plan)), model));
        }

        return current;
    }
}
