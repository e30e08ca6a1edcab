using System.CommandLine;
using Monitor.Host.Bench;
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
            DirectiveCommands.Create(),
            PlanCommands.Create(),
            TagCommand.Create(),
            ExtractCommand.Create(),
            ReportCommands.Create(),
            BenchCommandLine(),
        };
        return await root.Parse(args).InvokeAsync();
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
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Thoát khi hàng đợi trống thay vì chờ thêm." };
        var command = new Command("work", "Chạy bộ xử lý: bài trên hàng đợi được gắn chủ đề và lưu.")
        {
            CommonOptions.DataDir, untilEmpty,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => WorkCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(untilEmpty), ct)));
        return command;
    }

    private static Command BenchCommandLine()
    {
        var articles = new Option<int>("--articles") { Description = "Số bài sinh ra để đo.", DefaultValueFactory = _ => 20_000 };
        var pipeline = new Command("pipeline", "Đo tốc độ hàng đợi → gắn chủ đề → lưu trên cơ sở dữ liệu SQLite mới (bài/giây).")
        {
            articles,
        };
        pipeline.SetAction((r, ct) => CommonOptions.Guard(() => PipelineBench.RunAsync(r.GetValue(articles), ct)));
        var corpus = new Option<string>("--corpus") { Description = "Thư mục kho trang thật dùng để đo.", DefaultValueFactory = _ => "../shared/corpus" };
        var extract = new Command("extract", "Đo F1 trích xuất nội dung, độ đúng tiêu đề và ngày, số trang/giây trên các trang thật đã lưu.") { corpus };
        extract.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var root = r.GetValue(corpus)!;
            if (!Directory.Exists(root))
            {
                throw new UserInputException($"không có thư mục '{root}': dùng --corpus DIR");
            }

            await Console.Out.WriteLineAsync(Monitor.Crawlers.Extraction.Evaluation.ExtractionBenchmark.Run(root, ct).ToTable());
            return 0;
        }));
        var stored = new Option<int>("--articles") { Description = "Số bài đã lưu sinh ra để đo.", DefaultValueFactory = _ => 1_000_000 };
        var keep = new Option<string?>("--data-dir") { Description = "Giữ kho đo tại thư mục này (dùng lại nếu đã có bài); mặc định: thư mục tạm, xóa sau khi đo." };
        var coverage = new Command("coverage", "Đo thời gian truy vấn độ phủ, chỉ tiêu, khoảng trống trên kho SQLite mới với số bài sinh ra (trung vị nhiều lần chạy).")
        {
            stored, keep,
        };
        coverage.SetAction((r, ct) => CommonOptions.Guard(() => CoverageBench.RunAsync(r.GetValue(stored), r.GetValue(keep), ct)));
        return new Command("bench", "Đo hiệu năng (kết quả ghi trong README).") { pipeline, extract, coverage };
    }
}
