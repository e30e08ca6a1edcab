using System.CommandLine;
using Monitor.Host.Demo;
using Monitor.Host.Pipeline;

namespace Monitor.Host.Cli;

/// <summary>The monitor command line: one root command with a subcommand per job.</summary>
internal static class MonitorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Monitor — theo dõi báo chí thực hiện kế hoạch thông tin tuyên truyền.")
        {
            DemoCommandLine(),
            WorkCommandLine(),
            Crawling.CrawlCommand.Create(),
            Scheduling.RunCommand.Create(),
            Crawling.HealthCommand.Create(),
            DirectiveCommands.Create(),
            PlanCommands.Create(),
            TagCommand.Create(),
            RetagCommand.Create(),
            ExtractCommand.Create(),
            ReportCommands.Create(),
            SummaryCommand.Create(),
            IndexCommand.Create(),
            BenchCommands.Create(),
            Web.ServeCommand.Create(),
            UserCommands.Create(),
            FeedbackCommands.Create(),
        };
        VietnameseHelp.Install(root);
        return await ParseErrors.InvokeAsync(root.Parse(args));
    }

    private static Command DemoCommandLine()
    {
        var once = new Option<bool>("--once") { Description = "Chạy một vòng (thu thập → hàng đợi → gắn chủ đề → lưu → báo cáo) rồi thoát." };
        var port = new Option<int>("--port") { Description = "Cổng của bảng điều khiển trên 127.0.0.1 (khi không có --once).", DefaultValueFactory = _ => 5080 };
        var command = new Command("demo", "Chạy trang báo mẫu trên 127.0.0.1 và toàn bộ quy trình theo kế hoạch mẫu.")
        {
            CommonOptions.DataDir, once, port,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => DemoCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(once), r.GetValue(port), ct)));
        return command;
    }

    private static Command WorkCommandLine()
    {
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Thoát khi hàng đợi trống thay vì chờ thêm (chỉ với hàng đợi embedded)." };
        var bus = BusOptions.Bus();
        var bootstrap = BusOptions.BootstrapServers();
        var command = new Command("work", "Chạy bộ xử lý: bài trên hàng đợi được gắn chủ đề và lưu.")
        {
            CommonOptions.DataDir, untilEmpty, bus, bootstrap,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => r.GetValue(bus) == BusOptions.Kafka
            ? WorkCommand.RunKafkaAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(bootstrap), ct)
            : WorkCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(untilEmpty), ct)));
        return command;
    }
}
