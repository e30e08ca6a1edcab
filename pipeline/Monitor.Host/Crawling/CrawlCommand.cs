using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Crawlers;
using Monitor.Crawlers.Sources;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Host.Pipeline;

namespace Monitor.Host.Crawling;

/// <summary>monitor crawl: crawls the sources of a sources file once onto the queue (with --since, back-fills the
/// archive to that date, showing progress on stderr), then (embedded default) tags and stores what it found.</summary>
internal static class CrawlCommand
{
    public const string DefaultSources = "crawlers/sources.yaml";

    public static readonly Option<string> Sources = new("--sources")
    {
        Description = "Tệp nguồn tin (YAML).", DefaultValueFactory = _ => DefaultSources,
    };

    public static Command Create()
    {
        var only = new Option<string?>("--source") { Description = "Chỉ thu thập nguồn có tên này." };
        var since = new Option<string?>("--since") { Description = "Thu thập bổ sung kho bài về đến ngày này (yyyy-MM-dd hoặc dd/MM/yyyy, giờ Việt Nam)." };
        var noWork = new Option<bool>("--no-work") { Description = "Chỉ đưa bài vào hàng đợi, không gắn chủ đề và lưu." };
        var bus = BusOptions.Bus();
        var bootstrap = BusOptions.BootstrapServers();
        var command = new Command("crawl", "Thu thập một lần các nguồn trong tệp nguồn tin, rồi gắn chủ đề và lưu.") { Sources, only, since, noWork, CommonOptions.DataDir, bus, bootstrap };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var all = SourcesFile.Load(r.GetValue(Sources)!);
            var name = r.GetValue(only);
            var chosen = all.Where(s => name is null || string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (chosen.Count == 0)
            {
                throw new UserInputException($"không có nguồn '{name}' trong {r.GetValue(Sources)}");
            }

            var from = r.GetValue(since) is { } text ? ParseDate(text) : (DateTimeOffset?)null;
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            using var crawling = CrawlerLock.Acquire(r.GetValue(CommonOptions.DataDir)!);
            builder.Services.AddMonitorCrawler(FetchSettings.From(builder.Configuration));
            var kafka = r.GetValue(bus) == BusOptions.Kafka;
            if (kafka)
            {
                // Articles go to monitor.articles.raw; tagger processes (monitor work --bus kafka) store them.
                builder.UseKafkaBus(r.GetValue(bootstrap));
            }

            using var host = builder.Build();
            if (kafka)
            {
                await host.StartKafkaAsync(ct);
            }

            var crawler = host.Services.GetRequiredService<SourceCrawler>();
            var failed = 0;
            var published = 0;
            foreach (var source in chosen)
            {
                var outcome = from is { } date
                    ? await CrawlProgressBar.RunAsync(source.Name, p => crawler.BackfillAsync(source, date, p, ct))
                    : await crawler.CrawlAsync(source, ct);
                failed += outcome.Failed ? 1 : 0;
                published += outcome.Published;
            }

            if (kafka)
            {
                await Console.Out.WriteLineAsync($"đã gửi {published} bài lên Kafka");
            }

            if (!r.GetValue(noWork) && !kafka)
            {
                var stored = await host.Services.GetRequiredService<PipelineWorker>().DrainAsync(ct);
                await Console.Out.WriteLineAsync($"đã xử lý {stored} bài");
            }

            return failed == 0 ? 0 : 1;
        }));
        return command;
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? VietnamTime.StartOfDay(day)
            : throw new UserInputException($"--since '{text}' không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)");
}
