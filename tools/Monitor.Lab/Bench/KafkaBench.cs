using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Bus;
using Monitor.Elasticsearch;
using Monitor.Lab.SampleSite;
using Monitor.Kafka;
using Monitor.Kafka.Consuming;
using Monitor.Lab.KafkaMock;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench kafka: generated articles through a 3-broker mock cluster: produce → consume → tag →
/// store → publish tags; articles/s and end-to-end latency (produce timestamp → stored). <c>--taggers N</c> runs N
/// members of the tagger group (each its own host, consumer and writer, in this process); <c>--store</c> is where they
/// write: sqlite (one fresh file, one writer at a time), none (tag and acknowledge only: the cost of everything but the
/// store) or elasticsearch (MONITOR_ELASTICSEARCH_URL, indices with a prefix of their own, deleted afterwards).</summary>
public static class KafkaBench
{
    /// <summary>The places a tagger may write to (<c>--store</c>).</summary>
    public static IReadOnlyList<string> Stores { get; } = ["sqlite", "none", "elasticsearch"];

    /// <param name="elasticsearch">The cluster for <c>store</c> = elasticsearch (MONITOR_ELASTICSEARCH_URL); the caller
    /// has checked the arguments (one line each in the CLI).</param>
    public static async Task<int> RunAsync(ExecutableComposition executable, int count, int taggers, string store, string? elasticsearch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(taggers, 1);
        if (!Stores.Contains(store) || (store == "elasticsearch" && string.IsNullOrEmpty(elasticsearch)))
        {
            throw new ArgumentException($"store '{store}' (elasticsearch needs its URL)", nameof(store));
        }

        var dir = Path.Combine(Path.GetTempPath(), "monitor-bench-kafka-" + Guid.NewGuid().ToString("N")[..8]);
        var prefix = "monitor-bench-" + Guid.NewGuid().ToString("N")[..8] + "-";
        using var cluster = MockCluster.Start(brokers: 3, partitions: 6);
        var hosts = new List<IHost>();
        try
        {
            var latencies = new List<long>(count);
            for (var i = 0; i < taggers; i++)
            {
                var builder = await executable.CreateBuilder(dir, ct);
                builder.Logging.AddFilter("Monitor.Kafka", LogLevel.Warning);
                executable.UseKafkaTagger(builder, cluster.BootstrapServers);
                if (store == "elasticsearch")
                {
                    builder.Configuration["Monitor:Elasticsearch:Url"] = elasticsearch;
                    builder.Configuration["Monitor:Elasticsearch:IndexPrefix"] = prefix;
                    builder.Services.AddMonitorElasticsearch(builder.Configuration, ElasticsearchUse.Store);
                }
                else if (store == "none")
                {
                    builder.Services.AddSingleton<IArticleTagWriter, NoStore>();
                }

                builder.Services.AddKafkaConsumer(sp =>
                {
                    var tagger = executable.Tagger(sp);
                    var time = sp.GetRequiredService<TimeProvider>();
                    var options = sp.GetRequiredService<IOptions<KafkaOptions>>().Value;
                    return new KafkaConsumerRole("tagger", options.RawTopic, "monitor-bench", async (batch, token) =>
                    {
                        await tagger(batch, token);
                        var stored = time.GetUtcNow().ToUnixTimeMilliseconds();
                        lock (latencies)
                        {
                            latencies.AddRange(batch.Select(m => stored - m.Message.Timestamp.UnixTimestampMs));
                        }
                    });
                });
                hosts.Add(builder.Build());
            }

            var plan = SamplePlan.Load();
            await hosts[0].Services.GetRequiredService<PlanStore>().SaveAsync(plan, ct);
            var generator = new ArticleGenerator(plan.Themes.SelectMany(t => t.Keywords).ToList());
            var start = new DateTimeOffset(2024, 11, 11, 8, 0, 0, TimeSpan.FromHours(7));
            var warmUp = Math.Max(1000, count / 4);
            var all = Enumerable.Range(0, warmUp + count).Select(i => generator.Next(i, 3000, start.AddMinutes(i))).ToList();

            foreach (var host in hosts)
            {
                await host.Services.StartElasticsearchAsync(ct);
                await executable.StartKafka(host, ct);
            }

            var consumers = hosts.Select(h => h.Services.GetServices<IHostedService>().OfType<KafkaConsumerService>().Single()).ToList();
            var publisher = hosts[0].Services.GetRequiredService<IArticlePublisher>();
            // A tagger runs for months: the figure is its steady state, after the JIT has compiled the hot paths (an
            // unmeasured first round, a quarter of the measured one, stored in the same store).
            await Task.WhenAll(all.Take(warmUp).Chunk(1000).Select(chunk => publisher.PublishAsync(chunk, ct)));
            while (consumers.Sum(c => c.Handled) < warmUp)
            {
                await Task.Delay(10, ct);
            }

            lock (latencies)
            {
                latencies.Clear();
            }

            var articles = all.Skip(warmUp).ToList();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(articles.Chunk(1000).Select(chunk => publisher.PublishAsync(chunk, ct)));
            var produced = clock.Elapsed;
            while (consumers.Sum(c => c.Handled) < warmUp + count)
            {
                await Task.Delay(10, ct);
            }

            var total = clock.Elapsed;
            foreach (var host in hosts)
            {
                await host.StopAsync(ct);
            }

            var stored = store == "sqlite" ? await hosts[0].Services.GetRequiredService<ArticleReader>().CountAsync(ct) : warmUp + count;
            latencies.Sort();
            Console.WriteLine($"bench kafka: {count} generated articles of 3 KB, mock cluster of 3 brokers, 6 partitions, plan of {plan.Themes.Count} themes, "
                + $"{taggers} tagger(s) in this process, store {store}, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  produce (acks=all):             {count / produced.TotalSeconds,10:N0} articles/s ({produced.TotalSeconds:N2} s)");
            Console.WriteLine($"  produce → tag → store → tagged: {count / total.TotalSeconds,10:N0} articles/s ({total.TotalSeconds:N2} s; {stored} stored with the {warmUp} of the warm-up)");
            Console.WriteLine($"  per tagger:                     {string.Join(" / ", consumers.Select(c => c.Handled.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} messages");
            Console.WriteLine($"  end-to-end latency:             p50 {Percentile(latencies, 0.50),6:N0} ms   p99 {Percentile(latencies, 0.99),6:N0} ms");
            Console.WriteLine($"  peak working set:               {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),10:N0} MiB");
            if (store == "elasticsearch")
            {
                await hosts[0].Services.GetRequiredService<ElasticsearchIndices>().DeleteAsync(ct);
            }

            return stored == warmUp + count ? 0 : 1;
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>store = none: tags are computed and published, nothing is written.</summary>
    private sealed class NoStore : IArticleTagWriter
    {
        public Task<IReadOnlyList<int>> WriteAsync(TaggedBatch batch, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<int>>(Enumerable.Range(0, batch.Articles.Count).ToList());
    }

    private static long Percentile(List<long> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
