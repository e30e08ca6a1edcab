using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Reports.Results;
using Monitor.Reports.Scheduling;
using Monitor.Storage;

namespace Monitor.Dashboards;

/// <summary>The services of the Cơ quan báo chí, Tìm kiếm and Báo cáo pages: the outlet page, the search, the summary
/// archive (the data directory's <c>reports/</c>, beside the database) and the results report builder.</summary>
internal static class PagesServices
{
    public static IServiceCollection AddMonitorDashboardPages(this IServiceCollection services)
    {
        services.TryAddSingleton<Outlets.OutletQueries>();
        services.TryAddSingleton<Outlets.OutletPageBuilder>();
        services.TryAddSingleton<Search.ArticleSearch>();
        services.TryAddSingleton(sp => new ReportArchive(Path.GetDirectoryName(sp.GetRequiredService<MonitorDatabase>().Path)!));
        services.TryAddSingleton<ResultsBuilder>();
        return services;
    }
}
