using Monitor.Core.Articles;
using Monitor.Core.Bus;

namespace Monitor.Storage.Queue;

/// <summary>Publishes raw articles onto the embedded queue (topic monitor.articles.raw, keyed by article id).</summary>
public sealed class SqliteArticlePublisher(SqliteQueue queue) : IArticlePublisher
{
    public Task PublishAsync(IReadOnlyList<Article> articles, CancellationToken ct) =>
        queue.EnqueueAsync(SqliteQueue.RawTopic, articles.Select(a => new QueueMessage(a.Id, ArticleJson.Serialize(a))).ToList(), ct);
}
