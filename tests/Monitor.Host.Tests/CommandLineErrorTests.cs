using Monitor.Host.Tests.Support;

namespace Monitor.Host.Tests;

/// <summary>What the command line itself refuses, through the real executable: one
/// Vietnamese line naming the input and exit code 2, as every other bad input (before: System.CommandLine's English
/// "Argument 'xml' not recognized" followed by the whole help, with exit code 1).</summary>
[Trait("Category", "Process")]
public sealed class CommandLineErrorTests
{
    public static TheoryData<string[], string> Refused() => new()
    {
        { ["directive", "import", "kh.txt", "--format", "xml"], "lỗi: --format 'xml': không hỗ trợ, dùng json hoặc yaml" },
        { ["health", "--format", "xml"], "lỗi: --format 'xml': không hỗ trợ, dùng json hoặc table" },
        { ["tag", "--plan", "kh.yaml", "--second-opinion", "abc", "-"], "lỗi: --second-opinion 'abc': cần một số nguyên" },
        { ["report", "bogus"], "lỗi: 'bogus': monitor report không có lệnh hay tùy chọn này (xem monitor report --help)" },
        { ["report", "coverage", "--colour", "red"], "lỗi: '--colour': monitor report coverage không có lệnh hay tùy chọn này (xem monitor report coverage --help)" },
        { ["report", "results", "--plan", "w46", "--format", "md"], "lỗi: monitor report results: thiếu -o (xem monitor report results --help)" },
        { ["report"], "lỗi: monitor report: thiếu lệnh, dùng một trong: coverage, quotas, gaps, events, results (xem monitor report --help)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_command_line_the_parser_refuses_is_one_vietnamese_line_naming_the_input_and_exit_code_2(string[] args, string line)
    {
        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(line, Assert.Single(run.Lines));
    }

    [Fact]
    public async Task The_help_describes_its_own_options_in_vietnamese()
    {
        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("Xem cách dùng lệnh.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Contains("Show help", StringComparison.Ordinal));
    }
}
