using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Kafka.Consuming;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class DeadLetterTests
{
    private static readonly string[] Keys = ["a", "bad", "b"];

    [Fact]
    public async Task A_message_that_is_not_an_article_goes_to_the_dead_letter_topic_with_its_error_and_the_rest_are_stored()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var tagger = await bed.StartTaggerAsync();
        var articles = bed.Articles(40);
        await bed.PublishAsync(articles.Take(20));
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bed.Cluster.BootstrapServers }).Build())
        {
            await producer.ProduceAsync("monitor.articles.raw", new Message<string, string> { Key = "poison", Value = "{\"id\": 42, " });
        }

        await bed.PublishAsync(articles.Skip(20));

        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == 40, TimeSpan.FromSeconds(60)));
        var dead = Assert.Single(bed.ReadAll("monitor.deadletter", 1, TimeSpan.FromSeconds(30)));
        Assert.Equal("{\"id\": 42, ", dead.Message.Value);
        Assert.Equal("poison", dead.Message.Key);
        Assert.StartsWith("not an article", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.Error), StringComparison.Ordinal);
        Assert.Equal("System.FormatException", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.ErrorType));
        Assert.Equal("monitor.articles.raw", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.OriginalTopic));
        Assert.Equal("1", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.Tries));
        // The offset moved on: the poison message is handled (dead-lettered), not retried forever.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(KafkaTestBed.Consumer(tagger).Handled == 41), TimeSpan.FromSeconds(30)));
        // The reader above stops at the first dead letter; the topic itself says it is the only one.
        Assert.Equal(1, bed.Written("monitor.deadletter"));
        await tagger.StopAsync();
    }

    [Fact]
    public async Task A_message_whose_handling_keeps_failing_is_tried_max_tries_times_then_dead_lettered()
    {
        using var bed = await KafkaTestBed.StartAsync();
        var options = Options.Create(new KafkaOptions { BootstrapServers = bed.Cluster.BootstrapServers, MaxTries = 3 });
        var tries = new Dictionary<string, int>();
        var handled = new HashSet<string>();
        Task Handle(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct)
        {
            lock (tries)
            {
                foreach (var m in batch)
                {
                    tries[m.Message.Key] = tries.GetValueOrDefault(m.Message.Key) + 1;
                }

                if (batch.Any(m => m.Message.Key == "bad"))
                {
                    throw new InvalidOperationException("the store refused it");
                }

                handled.UnionWith(batch.Select(m => m.Message.Key));
            }

            return Task.CompletedTask;
        }

        using var producer = new KafkaProducer(options, TimeProvider.System, NullLogger<KafkaProducer>.Instance);
        using var service = new KafkaConsumerService(new KafkaConsumerRole("test", "monitor.articles.raw", bed.GroupId, Handle), producer, options, TimeProvider.System, NullLogger<KafkaConsumerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await producer.SendAllAsync("monitor.articles.raw", Keys.Select(k => new Message<string, string> { Key = k, Value = k }), CancellationToken.None);

        var dead = Assert.Single(bed.ReadAll("monitor.deadletter", 1, TimeSpan.FromSeconds(60)));
        // The others may sit in a batch of their own (a batch is what arrives within 20 ms): wait for them rather
        // than assume they were handled before the dead letter showed.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(service.Handled == Keys.Length), TimeSpan.FromSeconds(60)), $"{service.Handled} of {Keys.Length} handled");
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(1, bed.Written("monitor.deadletter"));
        Assert.Equal("bad", dead.Message.Key);
        Assert.Equal("3", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.Tries));
        Assert.Equal("the store refused it", ArticleHeaders.Get(dead.Message.Headers, ArticleHeaders.Error));
        Assert.Equal(Keys.Where(k => k != "bad"), handled.Order());
        lock (tries)
        {
            // Once in its batch, then MaxTries times alone.
            Assert.Equal(1 + 3, tries["bad"]);
        }
    }
}
