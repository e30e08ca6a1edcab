using Confluent.Kafka;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Bus;
using Monitor.Host.Composition;
using Monitor.Kafka.Consuming;
using Monitor.Kafka.Tests.Support;
using Monitor.Storage;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

/// <summary>The bad-message policy on Kafka while the store cannot take writes: the consumer pauses with back-off and
/// dead-letters nothing (it used to dead-letter healthy articles after three tries); when the store is back, every
/// message is handled once.</summary>
[Trait("Category", "Kafka")]
public sealed class StoreOutageTests
{
    private static readonly string[] Keys = ["a", "b", "c"];

    [Fact]
    public async Task While_the_store_is_locked_the_consumer_pauses_dead_letters_nothing_and_handles_every_message_when_it_is_back()
    {
        using var bed = await KafkaTestBed.StartAsync();
        var options = Options.Create(new KafkaOptions { BootstrapServers = bed.Cluster.BootstrapServers, MaxTries = 3 });
        var down = 1;
        var handled = new List<string>();
        Task Handle(IReadOnlyList<ConsumeResult<string, string>> batch, CancellationToken ct)
        {
            if (Volatile.Read(ref down) == 1)
            {
                // What the SQLite store throws when another writer holds the lock past the busy timeout.
                throw new SqliteException("database is locked", 5);
            }

            lock (handled)
            {
                handled.AddRange(batch.Select(m => m.Message.Key));
            }

            return Task.CompletedTask;
        }

        using var producer = new KafkaProducer(options, TimeProvider.System, NullLogger<KafkaProducer>.Instance);
        using var service = new KafkaConsumerService(new KafkaConsumerRole("test", "monitor.articles.raw", bed.GroupId, Handle), producer, options, TimeProvider.System,
            NullLogger<KafkaConsumerService>.Instance, new BadMessagePolicy(SqliteFailures.IsUnavailable, TimeSpan.FromMilliseconds(50)));
        await service.StartAsync(CancellationToken.None);
        await producer.SendAllAsync("monitor.articles.raw", Keys.Select(k => new Message<string, string> { Key = k, Value = k }), CancellationToken.None);

        // Well past MaxTries pauses: the old policy would have dead-lettered all three by now.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(service.Pauses >= 6), TimeSpan.FromSeconds(60)), $"{service.Pauses} pauses");
        Assert.Equal(0, service.Handled);
        Volatile.Write(ref down, 0);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(service.Handled == 3), TimeSpan.FromSeconds(60)));
        await service.StopAsync(CancellationToken.None);

        lock (handled)
        {
            Assert.Equal(Keys, handled.Order(StringComparer.Ordinal));
        }

        Assert.Equal(0, bed.Written("monitor.deadletter"));
    }

    [Fact]
    public async Task While_another_writer_holds_the_sqlite_store_the_tagger_pauses_dead_letters_nothing_and_stores_every_article_when_it_is_released()
    {
        using var bed = await KafkaTestBed.StartAsync();
        // The tagger's own store connection gives up on the lock after 100 ms (30 s in production) and pauses 50 ms at first.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.AddMonitorConsole();
        builder.Services.AddMonitorStore(await MonitorDatabase.OpenAsync(bed.Path, CancellationToken.None, TimeSpan.FromMilliseconds(100)));
        builder.Services.Replace(ServiceDescriptor.Singleton(new BadMessagePolicy(SqliteFailures.IsUnavailable, TimeSpan.FromMilliseconds(50))));
        builder.Configuration["Monitor:Kafka:GroupId"] = bed.GroupId;
        builder.UseKafkaBus(bed.Cluster.BootstrapServers);
        builder.Services.AddKafkaTagger();
        using var tagger = builder.Build();
        await using var holder = new SqliteConnection($"Data Source={bed.Db.Path};Pooling=False");
        await holder.OpenAsync();
        await Execute(holder, "BEGIN EXCLUSIVE");
        await tagger.StartKafkaAsync(CancellationToken.None);
        var consumer = KafkaTestBed.Consumer(tagger);

        await bed.PublishAsync(bed.Articles(30));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(consumer.Pauses >= 6), TimeSpan.FromSeconds(60)), $"{consumer.Pauses} pauses");
        Assert.Equal(0, consumer.Handled);
        await Execute(holder, "ROLLBACK");
        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == 30, TimeSpan.FromSeconds(60)),
            $"stored {await bed.Reader.CountAsync(CancellationToken.None)} of 30 after the lock was released");
        await tagger.StopAsync();
        Assert.Equal(0, bed.Written("monitor.deadletter"));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
