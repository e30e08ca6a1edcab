using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Directives.Checking;
using Monitor.Host.Composition;
using Monitor.Storage.Plans;

namespace Monitor.Host.Cli;

/// <summary>monitor plan load: stores a plan file as a new version (an unchanged file adds none).</summary>
internal static class PlanCommands
{
    public static Command Create()
    {
        var file = new Argument<string>("PLAN") { Description = "Tệp kế hoạch (YAML hoặc JSON)." };
        var load = new Command("load", "Nạp kế hoạch vào kho (phiên bản mới khi có thay đổi).") { file, CommonOptions.DataDir };
        load.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var plan = PlanChecker.Load(r.GetValue(file)!);
            _ = new Monitor.Core.Tagging.PlanMatcher(plan);   // a rule that cannot be read stops here, not in the worker
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            using var host = builder.Build();
            var stored = await host.Services.GetRequiredService<PlanStore>().SaveAsync(plan, ct);
            await Console.Out.WriteLineAsync($"kế hoạch {stored.Id} phiên bản {stored.Version}: {plan.Themes.Count} chủ đề");
            return 0;
        }));
        return new Command("plan", "Kế hoạch trong kho.") { load };
    }
}
