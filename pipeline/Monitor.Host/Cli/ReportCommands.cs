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
        var plan = new Option<string?>("--plan") { Description = "Plan id (default: every stored plan)." };
        var coverage = new Command("coverage", "Coverage of a stored plan: theme × outlet × ISO week, and the uncovered themes.") { plan, CommonOptions.DataDir };
        coverage.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            using var host = builder.Build();
            var wanted = r.GetValue(plan);
            var plans = (await host.Services.GetRequiredService<PlanStore>().LatestAsync(ct)).Where(p => wanted is null || p.Id == wanted).ToList();
            if (plans.Count == 0)
            {
                throw new UserInputException(wanted is null ? "no plan is stored: run 'monitor plan load PLAN' first" : $"no stored plan has the id '{wanted}'");
            }

            foreach (var p in plans)
            {
                CoverageTable.Print(Terminal.Create(), await host.Services.GetRequiredService<CoverageQueries>().CoverageAsync(p, ct));
            }

            return 0;
        }));
        return new Command("report", "Reports from the store.") { coverage };
    }
}
