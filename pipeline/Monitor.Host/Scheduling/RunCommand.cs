using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Crawlers;
using Monitor.Crawlers.Sources;
using Monitor.Elasticsearch;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Host.Crawling;
using Monitor.Host.Pipeline;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>monitor run: the scheduler role. Quartz fires one job per source on the source's cron (Asia/Ho_Chi_Minh),
/// the maintenance jobs and whatever else <see cref="ScheduledJobs"/> lists; with the embedded bus the queue worker runs
/// beside it. <c>--once</c> runs every job once, drains the queue and exits.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Chạy mỗi việc đã lên lịch một lần (thu thập mọi nguồn, bảo trì), xử lý hàng đợi rồi thoát." };
        var bus = BusOptions.Bus();
        var bootstrap = BusOptions.BootstrapServers();
        var command = new Command("run", "Bộ lập lịch: thu thập mỗi nguồn theo lịch riêng (giờ Việt Nam), bảo trì kho, các báo cáo định kỳ.")
        {
            CrawlCommand.Sources, once, CommonOptions.DataDir, bus, bootstrap,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() =>
            RunAsync(r.GetValue(CrawlCommand.Sources)!, r.GetValue(CommonOptions.DataDir)!, r.GetValue(once), r.GetValue(bus) == BusOptions.Kafka, r.GetValue(bootstrap), ct)));
        return command;
    }

    private static async Task<int> RunAsync(string sourcesFile, string dataDir, bool once, bool kafka, string? bootstrap, CancellationToken ct)
    {
        // The sources file first: a bad file stops here, one line and exit code 2, before the store is opened.
        var sources = SourcesFile.Load(sourcesFile);
        var builder = await MonitorServices.CreateBuilderAsync(dataDir, ct);
        using var crawling = CrawlerLock.Acquire(dataDir);
        builder.Services.AddMonitorCrawler(FetchSettings.From(builder.Configuration));
        var jobs = builder.Services.AddMonitorJobs(builder.Configuration, sources, once, sourcesFile);
        // Scaled out, the summaries answer from Elasticsearch and its upkeep joins maintenance:store (docs/elasticsearch.md).
        builder.Services.AddMonitorElasticsearch(builder.Configuration);
        if (kafka)
        {
            builder.UseKafkaBus(bootstrap);
        }
        else if (!once)
        {
            builder.Services.AddHostedService<PipelineWorkerService>();
        }

        using var host = builder.Build();
        await host.Services.StartElasticsearchAsync(ct);
        if (kafka)
        {
            await host.StartKafkaAsync(ct);
        }

        if (!once)
        {
            if (!kafka)
            {
                await host.StartAsync(ct);
            }

            await host.WaitForShutdownAsync(ct);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitor.Run");
        var runs = await OnceRunner.RunAsync(host.Services.GetRequiredService<ISchedulerFactory>(), jobs, logger, ct);
        var failed = runs.Count(r => r.Error is not null || r.Result is CrawlOutcome { Failed: true });
        var stored = kafka ? 0 : await host.Services.GetRequiredService<PipelineWorker>().DrainAsync(ct);
        if (kafka)
        {
            await host.StopAsync(CancellationToken.None);
        }

        await Console.Out.WriteLineAsync($"đã chạy {runs.Count} việc ({failed} lỗi) trong {clock.Elapsed.TotalSeconds:0.0} giây; đã xử lý {stored} bài");
        return failed == 0 ? 0 : 1;
    }
}
