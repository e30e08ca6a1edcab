using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Lab.Bench;
using Monitor.Host.Composition;
using Monitor.Lab.SampleSite;
using Monitor.Kafka.Consuming;
using Monitor.Lab.KafkaMock;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests.Support;

/// <summary>One test's world: a 3-broker mock cluster, a SQLite store holding the sample plan, generated articles.</summary>
internal sealed class KafkaTestBed : IDisposable
{
    private readonly TempDir _dir;

    private KafkaTestBed(MockCluster cluster, TempDir dir, MonitorDatabase db, Plan plan)
    {
        Cluster = cluster;
        _dir = dir;
        Db = db;
        Plan = plan;
        Reader = new ArticleReader(db);
    }

    public MockCluster Cluster { get; }

    public MonitorDatabase Db { get; }

    public Plan Plan { get; }

    public ArticleReader Reader { get; }

    public string Path => _dir.Path;

    /// <summary>A fresh group per test: the mock cluster keeps a group's members until their session times out.</summary>
    public string GroupId { get; } = "monitor-test-" + Guid.NewGuid().ToString("N")[..8];

    /// <param name="plan">The one stored plan: the sample plan unless given.</param>
    public static async Task<KafkaTestBed> StartAsync(Plan? plan = null)
    {
        var cluster = MockCluster.Start();
        var dir = new TempDir();
        var db = await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None);
        plan ??= SamplePlan.Load();
        await new PlanStore(db, TimeProvider.System).SaveAsync(plan, CancellationToken.None);
        return new KafkaTestBed(cluster, dir, db, plan);
    }

    public List<Article> Articles(int count, int first = 0, int bytes = 1200)
    {
        var generator = new ArticleGenerator(Plan.Themes.SelectMany(t => t.Keywords).ToList(), seed: first + 1);
        var start = new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7));
        return Enumerable.Range(first, count).Select(i => generator.Next(i, bytes, start.AddSeconds(i))).ToList();
    }

    /// <summary>A tagger role in this process, on the shared store, in this test's group.</summary>
    public async Task<IHost> StartTaggerAsync(params (string Key, string Value)[] settings)
    {
        var builder = await MonitorServices.CreateBuilderAsync(Path, CancellationToken.None);
        builder.Configuration["Monitor:Kafka:GroupId"] = GroupId;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.UseKafkaBus(Cluster.BootstrapServers);
        builder.Services.AddKafkaTagger();
        var host = builder.Build();
        await host.StartKafkaAsync(CancellationToken.None);
        return host;
    }

    public static KafkaConsumerService Consumer(IHost host) => host.Services.GetServices<IHostedService>().OfType<KafkaConsumerService>().Single();

    public async Task PublishAsync(IEnumerable<Article> articles)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = Cluster.BootstrapServers, EnableIdempotence = true, LingerMs = 5 }).Build();
        await Task.WhenAll(articles.Select(a => producer.ProduceAsync("monitor.articles.raw", KafkaArticlePublisher.ToMessage(a))));
    }

    /// <summary>Every message of <paramref name="topic"/> from the beginning, read until <paramref name="expected"/> arrived or the deadline passed.</summary>
    public List<ConsumeResult<string, string>> ReadAll(string topic, int expected, TimeSpan deadline)
    {
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = Cluster.BootstrapServers, GroupId = "reader-" + Guid.NewGuid().ToString("N"), AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var read = new List<ConsumeResult<string, string>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (read.Count < expected && clock.Elapsed < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } message)
            {
                read.Add(message);
            }
        }

        consumer.Close();
        return read;
    }

    /// <summary>Messages ever written to <paramref name="topic"/> (the sum of its partitions' high watermarks). "Nothing was
    /// written" asked this way does not depend on a reader joining a group in time: an empty read within a few seconds
    /// passes on a loaded machine whether or not something was written.</summary>
    public long Written(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Cluster.BootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(30)).Topics.Single().Partitions;
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = Cluster.BootstrapServers, GroupId = "watermarks-" + Guid.NewGuid().ToString("N") }).Build();
        return partitions.Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(30)).High.Value);
    }

    /// <summary>(article_changes rows, counted tag rows, passing-mention rows, highest article version): a redelivery that
    /// wrote twice shows here.</summary>
    public async Task<(long Changes, long Tags, long Mentions, long MaxVersion)> StoreShapeAsync()
    {
        await using var connection = await Db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM article_changes), (SELECT COUNT(*) FROM tags), (SELECT COUNT(*) FROM tag_mentions), (SELECT COALESCE(MAX(version), 0) FROM articles)";
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        return (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Cluster.Dispose();
        _dir.Dispose();
    }
}
