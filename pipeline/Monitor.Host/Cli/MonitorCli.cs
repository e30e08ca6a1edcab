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
        var once = new Option<bool>("--once") { Description = "One cycle (crawl → queue → tag → store → report), then exit." };
        var port = new Option<int>("--port") { Description = "Port of the dashboard on 127.0.0.1 (without --once).", DefaultValueFactory = _ => 5080 };
        var command = new Command("demo", "Serve the sample press site on 127.0.0.1 and run the whole pipeline against the sample plan.")
        {
            CommonOptions.DataDir, once, port,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => DemoCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(once), r.GetValue(port), ct)));
        return command;
    }

    private static Command WorkCommandLine()
    {
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit when the queue is empty instead of waiting for more." };
        var command = new Command("work", "Run the pipeline worker: raw articles on the queue are tagged and stored.")
        {
            CommonOptions.DataDir, untilEmpty,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => WorkCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(untilEmpty), ct)));
        return command;
    }

    private static Command BenchCommandLine()
    {
        var articles = new Option<int>("--articles") { Description = "How many generated articles.", DefaultValueFactory = _ => 20_000 };
        var pipeline = new Command("pipeline", "Generated articles through queue → tag → store on a fresh SQLite database; prints articles/s.")
        {
            articles,
        };
        pipeline.SetAction((r, ct) => CommonOptions.Guard(() => PipelineBench.RunAsync(r.GetValue(articles), ct)));
        var corpus = new Option<string>("--corpus") { Description = "The shared corpus folder.", DefaultValueFactory = _ => "../shared/corpus" };
        var extract = new Command("extract", "Body-extraction F1, title and date accuracy, and pages/s over the saved real pages.") { corpus };
        extract.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var root = r.GetValue(corpus)!;
            if (!Directory.Exists(root))
            {
                throw new UserInputException($"corpus folder '{root}' is absent: pass --corpus DIR");
            }

            await Console.Out.WriteLineAsync(Monitor.Crawlers.Extraction.Evaluation.ExtractionBenchmark.Run(root, ct).ToTable());
            return 0;
        }));
        return new Command("bench", "Benchmarks (figures recorded in the README).") { pipeline, extract };
    }
}
