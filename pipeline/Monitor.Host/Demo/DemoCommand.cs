using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Crawlers.Fetching;
using Monitor.Lab.SampleSite;
using Monitor.Dashboards;
using Monitor.Host.Composition;
using Monitor.Host.Cli;
using Monitor.Host.Pipeline;
using Monitor.Host.Reports;
using Monitor.Host.Scheduling;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Quartz;
using Spectre.Console;

namespace Monitor.Host.Demo;

/// <summary>monitor demo: the whole job once on the embedded default, against the sample press site.</summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string dataDir, bool once, int webPort, CancellationToken ct)
    {
        await using var site = await SampleSiteServer.StartAsync(ct);
        var sources = site.Sources();
        var db = await MonitorDatabase.OpenAsync(dataDir, ct);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddMonitorConsole();
        builder.Services.AddMonitorStore(db);
        // The sample site's broken source hangs on purpose: a short limit keeps the demo quick. The site is on 127.0.0.1,
        // which real crawls refuse.
        builder.Services.AddMonitorCrawler(new FetchOptions { Timeout = TimeSpan.FromSeconds(3), MinDelayPerHost = TimeSpan.FromMilliseconds(100), MaxAttempts = 2, BackoffBase = TimeSpan.FromMilliseconds(500), AllowPrivateNetworks = true }, site.CreateHandler());
        // The same jobs as monitor run: a crawl per source on its cron, maintenance, and whatever ScheduledJobs lists.
        var jobs = builder.Services.AddMonitorJobs(builder.Configuration, sources, once);
        builder.Services.AddMonitorDashboards();
        if (!once)
        {
            builder.Services.AddHostedService<PipelineWorkerService>();
            builder.WebHost.UseUrls($"http://127.0.0.1:{webPort}");
        }

        await using var app = builder.Build();
        app.MapMonitorDashboards();
        var console = Terminal.Create();
        var plan = await app.Services.GetRequiredService<PlanStore>().SaveAsync(SamplePlan.Load(), ct);
        console.MarkupLine($"Trang báo mẫu: {site.BaseUrl} · dữ liệu: {Markup.Escape(db.Path)} · kế hoạch {Markup.Escape(plan.Id)} v{plan.Version} ({plan.Plan.Themes.Count} chủ đề)");
        await DemoUsers.CreateAsync(app.Services, plan.Plan.Themes.SelectMany(t => t.Outlets).FirstOrDefault() ?? "Báo Kon Tum", console, ct);

        if (once)
        {
            await OnceRunner.RunAsync(app.Services.GetRequiredService<ISchedulerFactory>(), jobs, app.Logger, ct);
            await app.Services.GetRequiredService<PipelineWorker>().DrainAsync(ct);
            await WriteSummaryAsync(app.Services, plan, ct);
            await PrintCoverageAsync(app.Services, plan, console, ct);
            return 0;
        }

        await app.StartAsync(ct);
        console.MarkupLine($"Đang chạy: thu thập theo lịch 5 phút một lần. Bảng điều khiển: [link]http://127.0.0.1:{webPort}/[/] · Ctrl-C để dừng.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Đang dừng…");
        }

        await app.StopAsync(CancellationToken.None);
        await PrintCoverageAsync(app.Services, plan, console, CancellationToken.None);
        return 0;
    }

    /// <summary>The weekly summary of the sample plan's latest week with articles (the sample site's articles are of
    /// November 2024, so "this week" by the clock would be empty), archived as the scheduler archives it.</summary>
    private static async Task WriteSummaryAsync(IServiceProvider services, StoredPlan plan, CancellationToken ct)
    {
        if (await services.GetRequiredService<IArticleStore>().LastDayAsync(plan.Id, ct) is not { } last)
        {
            return;
        }

        // The runner logs where it wrote each plan's summary.
        await services.GetRequiredService<Monitor.Reports.Scheduling.WeeklySummaryRunner>().RunAsync(Core.Time.IsoWeek.Of(last), ct);
    }

    private static async Task PrintCoverageAsync(IServiceProvider services, StoredPlan plan, IAnsiConsole console, CancellationToken ct)
    {
        var report = await services.GetRequiredService<ICoverageStore>().CoverageAsync(plan, new CoverageQuery(), ct);
        ReportWriter.Write([CoverageTables.Coverage(report)], "table", Console.Out, console);
        console.WriteLine($"covered {report.CoveredThemes}/{report.Themes.Count} themes, {report.ArticlesStored} articles");
    }
}
