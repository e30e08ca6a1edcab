using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Kafka.Consuming;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class BatchesInFlightTests
{
    [Fact]
    public async Task Later_batches_are_handled_while_one_is_slow_but_offsets_wait_for_it_so_a_stop_loses_nothing()
    {
        using var bed = await KafkaTestBed.StartAsync();
        var options = Options.Create(new KafkaOptions { BootstrapServers = bed.Cluster.BootstrapServers, MaxBatch = 5, MaxBatchesInFlight = 3 });
        var slowStarted = new TaskCompletionSource();
        var firstMember = new ConcurrentBag<string>();
        async Task HoldTheSlowOne(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct)
        {
            if (batch.Any(m => m.Message.Key == "slow"))
            {
                slowStarted.TrySetResult();
                // Never finishes: the member is stopped while this batch is still in flight.
                await Task.Delay(Timeout.Infinite, ct);
            }

            foreach (var m in batch)
            {
                firstMember.Add(m.Message.Key);
            }
        }

        var later = Enumerable.Range(0, 40).Select(i => $"k{i:00}").ToList();
        using var producer = new KafkaProducer(options, TimeProvider.System, NullLogger<KafkaProducer>.Instance);
        using (var first = Member(bed, options, producer, HoldTheSlowOne))
        {
            await first.StartAsync(CancellationToken.None);
            await producer.SendAsync("monitor.articles.raw", new Message<string, string> { Key = "slow", Value = "slow" }, CancellationToken.None);
            await slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await producer.SendAllAsync("monitor.articles.raw", later.Select(k => new Message<string, string> { Key = k, Value = k }), CancellationToken.None);

            // Other batches go through beside the stuck one: with 3 in flight, the two after it. Each holds at least one
            // message but not necessarily five (a batch is what arrived within 20 ms, and under load that can be one
            // message), so waiting for five hung on the slow batch whenever the two were small.
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(firstMember.Count >= 2), TimeSpan.FromSeconds(60)), "no batch was handled beside the slow one");
            // ...but no offset is stored past it, so it counts as handled only once it is.
            Assert.Equal(0, first.Handled);
            await first.StopAsync(CancellationToken.None);
        }

        // The next member of the group starts from the slow batch: it and everything after it come again.
        var secondMember = new ConcurrentBag<string>();
        using var second = Member(bed, options, producer, (batch, _) =>
        {
            foreach (var m in batch)
            {
                secondMember.Add(m.Message.Key);
            }

            return Task.CompletedTask;
        });
        await second.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(secondMember.Contains("slow")), TimeSpan.FromSeconds(60)), "the slow message was lost");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(later.All(k => firstMember.Contains(k) || secondMember.Contains(k))), TimeSpan.FromSeconds(60)));
        await second.StopAsync(CancellationToken.None);
    }

    private static KafkaConsumerService Member(KafkaTestBed bed, IOptions<KafkaOptions> options, KafkaProducer producer, KafkaBatchHandler handler) =>
        new(new KafkaConsumerRole("test", "monitor.articles.raw", bed.GroupId, handler), producer, options, TimeProvider.System, NullLogger<KafkaConsumerService>.Instance);
}
