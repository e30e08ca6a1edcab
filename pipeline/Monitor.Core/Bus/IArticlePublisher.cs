using Monitor.Core.Articles;

namespace Monitor.Core.Bus;

/// <summary>Where crawlers hand accepted articles: the embedded SQLite queue or Kafka's monitor.articles.raw.
/// Once this returns, the articles are durable: a crash afterwards loses none of them.</summary>
public interface IArticlePublisher
{
    Task PublishAsync(IReadOnlyList<Article> articles, CancellationToken ct);
}
