using Monitor.Crawlers;
using Spectre.Console;

namespace Monitor.Host.Crawling;

/// <summary>A back-fill's progress on stderr: a bar at a terminal, a line every few seconds when stderr is a file.</summary>
internal static class CrawlProgressBar
{
    public static async Task<CrawlOutcome> RunAsync(string source, Func<IProgress<CrawlProgress>, Task<CrawlOutcome>> run)
    {
        if (Console.IsErrorRedirected)
        {
            var last = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await run(new Progress<CrawlProgress>(p =>
            {
                if (last.Elapsed > TimeSpan.FromSeconds(5))
                {
                    last.Restart();
                    Console.Error.WriteLine(Line(p));
                }
            }));
            await Console.Error.WriteLineAsync($"{source}: xong, {outcome.Discovered} địa chỉ bài, {outcome.Published} bài mới, {outcome.Errors.Count} lỗi");
            return outcome;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        CrawlOutcome? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(source), maxValue: 1);
                result = await run(new Progress<CrawlProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Known);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(Line(p));
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static string Line(CrawlProgress p) => $"{p.Source}: {p.Done}/{p.Known} trang, {p.Published} bài mới";
}
