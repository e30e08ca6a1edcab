using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Time;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards;

/// <summary>The dashboards' endpoints: the coverage page for people, JSON for tools.</summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddMonitorDashboards(this IServiceCollection services)
    {
        services.TryAddSingleton<SourceHealthReport>();
        return services;
    }

    public static IEndpointRouteBuilder MapMonitorDashboards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (PlanStore plans, ICoverageStore coverage, SourceHealthReport health, TimeProvider time, CancellationToken ct) =>
        {
            var today = Today(time);
            var answers = new List<PlanAnswers>();
            foreach (var plan in await plans.LatestAsync(ct))
            {
                answers.Add(new PlanAnswers(await coverage.CoverageAsync(plan, new CoverageQuery(), ct), await coverage.QuotasAsync(plan, today, ct),
                    await coverage.GapsAsync(plan, today, ct)));
            }

            return Results.Content(CoveragePage.Render(answers, await health.ComputeAsync([], ct)), "text/html; charset=utf-8");
        });
        app.MapGet("/sources", async (SourceHealthReport health, CrawlState crawl, CancellationToken ct) =>
            Results.Content(SourceHealthPage.Render(await health.ComputeAsync([], ct), await crawl.PausedHostsAsync(ct)), "text/html; charset=utf-8"));
        app.MapGet("/plans/{plan}/themes/{code}", async (string plan, string code, PlanStore plans, ICoverageStore coverage, TimeProvider time, CancellationToken ct) =>
        {
            var stored = (await plans.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan);
            var stories = stored is null ? null : await coverage.StoriesAsync(stored, code, Today(time), ct);
            return stories is null
                ? Results.Content($"không có chủ đề '{code}' trong kế hoạch '{plan}'", "text/plain; charset=utf-8", statusCode: 404)
                : Results.Content(ThemePage.Render(stories), "text/html; charset=utf-8");
        });
        app.MapGet("/api/coverage", async (string? plan, PlanStore plans, ICoverageStore coverage, CancellationToken ct) =>
        {
            var stored = (await plans.LatestAsync(ct)).FirstOrDefault(p => plan is null || p.Id == plan);
            if (stored is null)
            {
                return Results.NotFound(new { error = $"không có kế hoạch '{plan}'" });
            }

            var report = await coverage.CoverageAsync(stored, new CoverageQuery(), ct);
            return Results.Json(new
            {
                plan = report.PlanId,
                version = report.PlanVersion,
                themes = report.Themes.Select(t => new { code = t.Code, title = t.Title }),
                cells = report.Cells.Select(c => new { theme = c.Theme, outlet = c.Outlet, week = c.Period, articles = c.Articles }),
                uncovered = report.Uncovered.Select(t => t.Code),
                articles_stored = report.ArticlesStored,
            });
        });
        app.MapGet("/api/health", async (CrawlState crawl, CancellationToken ct) => Results.Json(await crawl.HealthAsync(ct)));
        return app;
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
}
