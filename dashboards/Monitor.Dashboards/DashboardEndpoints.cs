using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards;

/// <summary>The dashboards' endpoints: the coverage page for people, JSON for tools.</summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddMonitorDashboards(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapMonitorDashboards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (PlanStore plans, ICoverageStore coverage, CrawlState crawl, TimeProvider time, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
            var answers = new List<PlanAnswers>();
            foreach (var plan in await plans.LatestAsync(ct))
            {
                answers.Add(new PlanAnswers(await coverage.CoverageAsync(plan, new CoverageQuery(), ct), await coverage.QuotasAsync(plan, today, ct),
                    await coverage.GapsAsync(plan, today, ct)));
            }

            return Results.Content(CoveragePage.Render(answers, await crawl.HealthAsync(ct)), "text/html; charset=utf-8");
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
}
