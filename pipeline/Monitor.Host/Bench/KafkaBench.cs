using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Bus;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Lab.SampleSite;
using Monitor.Lab.Bench;
using Monitor.Host.Pipeline.Kafka;
using Monitor.Kafka;
using Monitor.Kafka.Consuming;
using Monitor.Lab.KafkaMock;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;

namespace Monitor.Host.Bench;

/// <summary>monitor bench kafka: generated articles through a 3-broker mock cluster: produce → consume → tag →
/// store (fresh SQLite) → publish tags; articles/s and end-to-end latency (produce timestamp → stored).</summary>
internal static class KafkaBench
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Số bài sinh ra để đo.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("kafka", "Đo tốc độ Kafka (cụm giả lập 3 broker) → gắn chủ đề → lưu SQLite: bài/giây, độ trễ p50/p99.") { articles };
        command.SetAction((r, ct) => CommonOptions.Guard(() => RunAsync(r.GetValue(articles), ct)));
        return command;
    }

    public static async Task<int> RunAsync(int count, CancellationToken ct)
    {
        if (count < 1)
        {
            throw new UserInputException($"--articles {count}: phải lớn hơn 0");
        }

        var dir = Path.Combine(Path.GetTempPath(), "monitor-bench-kafka-" + Guid.NewGuid().ToString("N")[..8]);
        using var cluster = MockCluster.Start(brokers: 3, partitions: 6);
        try
        {
            var latencies = new List<long>(count);
            var builder = await MonitorServices.CreateBuilderAsync(dir, ct);
            builder.Logging.AddFilter("Monitor.Kafka", LogLevel.Warning);
            builder.UseKafkaBus(cluster.BootstrapServers);
            builder.Services.AddSingleton<KafkaTagger>();
            builder.Services.AddKafkaConsumer(sp =>
            {
                var tagger = sp.GetRequiredService<KafkaTagger>();
                var time = sp.GetRequiredService<TimeProvider>();
                var options = sp.GetRequiredService<IOptions<KafkaOptions>>().Value;
                return new KafkaConsumerRole("tagger", options.RawTopic, "monitor-bench", async (batch, token) =>
                {
                    await tagger.HandleAsync(batch, token);
                    var stored = time.GetUtcNow().ToUnixTimeMilliseconds();
                    lock (latencies)
                    {
                        latencies.AddRange(batch.Select(m => stored - m.Message.Timestamp.UnixTimestampMs));
                    }
                });
            });
            using var host = builder.Build();
            var plan = SamplePlan.Load();
            await host.Services.GetRequiredService<PlanStore>().SaveAsync(plan, ct);
            var generator = new ArticleGenerator(plan.Themes.SelectMany(t => t.Keywords).ToList());
            var start = new DateTimeOffset(2024, 11, 11, 8, 0, 0, TimeSpan.FromHours(7));
            var warmUp = Math.Max(1000, count / 4);
            var all = Enumerable.Range(0, warmUp + count).Select(i => generator.Next(i, 3000, start.AddMinutes(i))).ToList();

            await host.StartKafkaAsync(ct);
            var consumer = host.Services.GetServices<IHostedService>().OfType<KafkaConsumerService>().Single();
            var publisher = host.Services.GetRequiredService<IArticlePublisher>();
            // A tagger runs for months: the figure is its steady state, after the JIT has compiled the hot paths (an
            // unmeasured first round, a quarter of the measured one, stored in the same database).
            await Task.WhenAll(all.Take(warmUp).Chunk(1000).Select(chunk => publisher.PublishAsync(chunk, ct)));
            while (consumer.Handled < warmUp)
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
            while (consumer.Handled < warmUp + count)
            {
                await Task.Delay(10, ct);
            }

            var total = clock.Elapsed;
            await host.StopAsync(ct);
            var stored = await host.Services.GetRequiredService<ArticleReader>().CountAsync(ct);
            latencies.Sort();
            Console.WriteLine($"bench kafka: {count} generated articles of 3 KB, mock cluster of 3 brokers, 6 partitions, plan of {plan.Themes.Count} themes");
            Console.WriteLine($"  produce (acks=all):             {count / produced.TotalSeconds,10:N0} articles/s ({produced.TotalSeconds:N2} s)");
            Console.WriteLine($"  produce → tag → store → tagged: {count / total.TotalSeconds,10:N0} articles/s ({total.TotalSeconds:N2} s; {stored} stored with the {warmUp} of the warm-up)");
            Console.WriteLine($"  end-to-end latency:             p50 {Percentile(latencies, 0.50),6:N0} ms   p99 {Percentile(latencies, 0.99),6:N0} ms");
            Console.WriteLine($"  peak working set:               {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),10:N0} MiB");
            return stored == warmUp + count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long Percentile(List<long> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
