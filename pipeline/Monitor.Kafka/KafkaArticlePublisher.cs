using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Monitor.Core.Articles;
using Monitor.Core.Bus;

namespace Monitor.Kafka;

/// <summary>Publishes raw articles to <c>monitor.articles.raw</c>: key = article id, value = article JSON,
/// header <c>schema-version</c>. Returns once every article is acknowledged by all in-sync replicas.</summary>
public sealed class KafkaArticlePublisher(KafkaProducer producer, IOptions<KafkaOptions> options) : IArticlePublisher
{
    public Task PublishAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return producer.SendAllAsync(options.Value.RawTopic, articles.Select(ToMessage), ct);
    }

    public static Message<string, string> ToMessage(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new Message<string, string> { Key = article.Id, Value = ArticleJson.Serialize(article), Headers = ArticleHeaders.Versioned() };
    }
}
