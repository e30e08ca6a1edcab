using System.CommandLine;

namespace Monitor.Host.Cli;

/// <summary>The monitor command line: one root command with a subcommand per job.</summary>
internal static class MonitorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Monitor: theo dõi báo chí thực hiện kế hoạch tuyên truyền");
        return await root.Parse(args).InvokeAsync();
    }
}
