using System.CommandLine;
using Monitor.Core;

namespace Monitor.Host.Cli;

/// <summary>Options shared by subcommands, and the one place user errors become one line and exit code 2.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Thư mục kho dữ liệu (SQLite); mặc định lấy từ biến môi trường MONITOR_DATA_DIR nếu có.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITOR_DATA_DIR") is { Length: > 0 } d ? d : ".data",
    };

    /// <summary>Runs a command; bad input (a plan, a sources file, a file that is missing) is one line on stderr
    /// and exit code 2, with no stack trace. Anything else is a bug and keeps its stack trace.</summary>
    public static async Task<int> Guard(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is UserErrorException or FileNotFoundException or DirectoryNotFoundException)
        {
            foreach (var line in FileErrors.Describe(e).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await Console.Error.WriteLineAsync("lỗi: " + line);
            }

            return 2;
        }
    }
}

/// <summary>An input the user can fix; the message names it and says what is wrong.</summary>
internal sealed class UserInputException(string message) : UserErrorException(message)
{
    /// <summary>A <c>--plan</c> id the store does not hold, and how to load it.</summary>
    public static UserInputException NoSuchPlan(string id) => new($"--plan '{id}': không có kế hoạch này trong kho (nạp bằng: monitor plan load TỆP)");
}
