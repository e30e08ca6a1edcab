using Microsoft.Extensions.DependencyInjection;
using Monitor.Reports.Summary;

namespace Monitor.Reports;

/// <summary>Composition of the reports: the summary and results builders (the store itself, its <c>ICoverageStore</c>
/// and <c>IArticleStore</c> and <c>TimeProvider</c> are registered by the host).</summary>
public static class ReportsServices
{
    public static IServiceCollection AddMonitorReports(this IServiceCollection services)
    {
        services.AddSingleton<SummaryBuilder>();
        services.AddSingleton<Results.ResultsBuilder>();
        return services;
    }
}
