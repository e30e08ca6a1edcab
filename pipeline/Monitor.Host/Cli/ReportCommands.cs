using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Host.Composition;
using Monitor.Host.Reports;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Host.Cli;

/// <summary>monitor report coverage: theme × outlet × week for a stored plan.</summary>
internal static class ReportCommands
{
    public static Command Create()
    {
        var plan = new Option<string?>("--plan") { Description = "Mã kế hoạch (mặc định: mọi kế hoạch đã nạp)." };
        var coverage = new Command("coverage", "Độ phủ của kế hoạch: chủ đề × cơ quan báo chí × tuần, và các chủ đề chưa có bài.") { plan, CommonOptions.DataDir };
        coverage.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            using var host = builder.Build();
            var wanted = r.GetValue(plan);
            var plans = (await host.Services.GetRequiredService<PlanStore>().LatestAsync(ct)).Where(p => wanted is null || p.Id == wanted).ToList();
            if (plans.Count == 0)
            {
                throw new UserInputException(wanted is null ? "chưa có kế hoạch nào trong kho: chạy 'monitor plan load PLAN' trước" : $"không có kế hoạch mã '{wanted}' trong kho");
            }

            foreach (var p in plans)
            {
                CoverageTable.Print(Terminal.Create(), await host.Services.GetRequiredService<CoverageQueries>().CoverageAsync(p, ct));
            }

            return 0;
        }));
        return new Command("report", "Báo cáo từ kho dữ liệu.") { coverage };
    }
}
