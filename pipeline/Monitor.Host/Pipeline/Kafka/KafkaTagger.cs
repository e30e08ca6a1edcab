using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Monitor.Core.Articles;
using Monitor.Kafka;
using Monitor.Storage.Articles;

namespace Monitor.Host.Pipeline.Kafka;

/// <summary>The tagger role on Kafka: a batch from <c>monitor.articles.raw</c> is tagged (and its borderline pairs
/// reviewed by the language model when the second opinion is on: <see cref="WorkerSecondOpinion"/>), stored in one store
/// transaction, and its tags are published to <c>monitor.articles.tagged</c>. The consumer runs a few batches at once
/// and stores their offsets only after this returns. Tagging runs side by side; storing and handing the tags to the
/// producer are one batch at a time, so the tagged topic gets each key's versions in the order the store took them;
/// waiting for the broker's acknowledgements is again side by side.</summary>
internal sealed class KafkaTagger(TagAndStoreHandler tagger, IArticleTagWriter store, KafkaProducer producer, IOptions<KafkaOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task HandleAsync(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct)
    {
        // With Monitor:Llm:SecondOpinion:Budget set, the borderline pairs are reviewed here, before the store lock is taken.
        var tagged = await tagger.TagAndReviewAsync(batch.Select(Read).ToList(), ct);
        // The tagged messages are written before the store lock is taken.
        var now = time.GetUtcNow();
        var messages = tagged.Articles.Select((article, i) => new Message<string, string>
        {
            Key = article.Id,
            Value = new TaggedArticle(article.Id, article.Outlet, now,
                tagged.Plans.Select((p, j) => new TaggedPlan(p.Id, p.Version, tagged.Results[i][j].Themes, tagged.Results[i][j].References)).ToList()).ToJson(),
            Headers = ArticleHeaders.Versioned(),
        }).ToList();
        Task delivered;
        await _writer.WaitAsync(ct);
        try
        {
            var stored = await store.WriteAsync(tagged, ct);
            // What the store took, one message per key (the batch's last stored version; an older fetch the store refused
            // is not announced), queued with the producer before the lock is let go (a send queues synchronously) and
            // awaited after it.
            var last = stored.GroupBy(i => tagged.Articles[i].Id).Select(g => messages[g.Max()]);
            delivered = producer.SendAllAsync(options.Value.TaggedTopic, last, ct);
        }
        finally
        {
            _writer.Release();
        }

        await delivered;
    }

    public void Dispose() => _writer.Dispose();

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
