using Microsoft.Extensions.DependencyInjection;
using Monitor.Reports.Summary;
using Monitor.Storage.Summaries;

namespace Monitor.Reports;

/// <summary>Composition of the reports: the summary builder and the store reads it needs (the store itself, its
/// <c>ICoverageStore</c> and <c>TimeProvider</c> are registered by the host).</summary>
public static class ReportsServices
{
    public static IServiceCollection AddMonitorReports(this IServiceCollection services)
    {
        services.AddSingleton<PlanArticles>();
        services.AddSingleton<SummaryBuilder>();
        services.AddSingleton<Results.ResultsBuilder>();
        return services;
    }
}
