using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Monitor.Core.Articles;
using Monitor.Kafka;

namespace Monitor.Host.Pipeline.Kafka;

/// <summary>The tagger role on Kafka: a batch from <c>monitor.articles.raw</c> is tagged and stored in one store
/// transaction, then its tags are published to <c>monitor.articles.tagged</c>. The consumer stores the offsets
/// only after this returns.</summary>
internal sealed class KafkaTagger(TagAndStoreHandler store, KafkaProducer producer, IOptions<KafkaOptions> options, TimeProvider time)
{
    public async Task HandleAsync(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct)
    {
        var articles = batch.Select(Read).ToList();
        var tagged = await store.StoreAsync(articles, ct);
        var now = time.GetUtcNow();
        var byArticle = tagged.ToLookup(t => t.Result.ArticleId);
        var messages = articles.DistinctBy(a => a.Id).Select(a => new Message<string, string>
        {
            Key = a.Id,
            Value = new TaggedArticle(a.Id, a.Outlet, now, byArticle[a.Id].Select(t => new TaggedPlan(t.PlanId, t.PlanVersion, t.Result.Themes, t.Result.References)).ToList()).ToJson(),
            Headers = ArticleHeaders.Versioned(),
        });
        await producer.SendAllAsync(options.Value.TaggedTopic, messages, ct);
    }

    /// <summary>Reads a raw message; one that no retry can fix throws <see cref="FormatException"/> (straight to the dead-letter topic).</summary>
    public static Article Read(ConsumeResult<string, string> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var version = ArticleHeaders.Get(message.Message.Headers, ArticleHeaders.SchemaVersion);
        if (version is not null && version != ArticleHeaders.CurrentSchemaVersion)
        {
            throw new FormatException($"schema-version {version} is not supported (expected {ArticleHeaders.CurrentSchemaVersion})");
        }

        if (string.IsNullOrEmpty(message.Message.Value))
        {
            throw new FormatException("empty message value");
        }

        return ArticleJson.Deserialize(message.Message.Value);
    }
}
