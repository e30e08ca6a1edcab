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

    /// <summary>The words of System.CommandLine's English frame (before: "Description:", "Usage:", "Options:",
    /// "Commands:", "Arguments:", "[default: yaml]", "(REQUIRED)").</summary>
    private static readonly string[] EnglishFrame = ["Description:", "Usage:", "Options:", "Commands:", "Arguments:", "[default:", "(REQUIRED)", "[command]", "[options]", "Show help"];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("report", "--help")]
    [InlineData("directive", "import", "--help")]
    [InlineData("report", "results", "-?")]
    public async Task The_help_is_framed_in_vietnamese_with_no_english_frame_word_and_exit_code_0(params string[] args)
    {
        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Mô tả:", run.Lines);
        Assert.Contains("Cách dùng:", run.Lines);
        Assert.Contains("Tùy chọn:", run.Lines);
        foreach (var word in EnglishFrame)
        {
            Assert.DoesNotContain(run.Lines, l => l.Contains(word, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_commands_help_lists_its_argument_every_option_with_aliases_defaults_and_required_ones_aligned()
    {
        var import = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "directive", "import", "--help");
        var results = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "results", "--help");

        Assert.Contains("  monitor directive import <FILE> [tùy chọn]", import.Lines);
        var argument = Assert.Single(Section(import.Lines, "Đối số:"));
        Assert.Equal("<FILE>", FirstColumn(argument));
        Assert.Contains("Văn bản chỉ đạo: .txt", argument, StringComparison.Ordinal);
        var options = Section(import.Lines, "Tùy chọn:");
        Assert.Equal(["--issued <issued>", "--format <json|yaml>", "-o, --output <output>", "-?, -h, --help"], options.Select(FirstColumn));
        // One second column for the argument and every option.
        Assert.Single(options.Append(argument).Select(l => SecondColumnAt(l)).Distinct());
        Assert.EndsWith("[mặc định: yaml]", options[1], StringComparison.Ordinal);
        Assert.Contains(Section(results.Lines, "Tùy chọn:"), l => l.StartsWith("  --plan <plan>", StringComparison.Ordinal) && l.EndsWith("(bắt buộc)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_roots_help_lists_every_visible_command_and_a_group_names_its_subcommands()
    {
        var root = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "--help");
        var report = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "--help");

        Assert.Contains("  monitor <lệnh> [tùy chọn]", root.Lines);
        var commands = Section(root.Lines, "Lệnh:").Select(FirstColumn).ToList();
        Assert.Contains("tag <ARTICLES>", commands);
        Assert.Contains("serve", commands);
        Assert.Contains("feedback", commands);
        Assert.Single(Section(root.Lines, "Lệnh:").Concat(Section(root.Lines, "Tùy chọn:")).Select(l => SecondColumnAt(l)).Distinct());
        Assert.Contains(Section(root.Lines, "Tùy chọn:"), l => l.StartsWith("  --version", StringComparison.Ordinal));
        Assert.Equal(["coverage", "quotas", "gaps", "events", "results"], Section(report.Lines, "Lệnh:").Select(FirstColumn));
    }

    /// <summary>The indented rows under a section's title, up to the next title (blank lines are not kept).</summary>
    private static List<string> Section(string[] lines, string title) =>
        lines.SkipWhile(l => l != title).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();

    /// <summary>A row's first column: from the indent to the first run of two spaces.</summary>
    private static string FirstColumn(string row) => row.Trim() is var t && t.IndexOf("  ", StringComparison.Ordinal) is var end and >= 0 ? t[..end] : t;

    /// <summary>Where a row's second column starts.</summary>
    private static int SecondColumnAt(string row)
    {
        var first = row.IndexOf("  ", 2, StringComparison.Ordinal);
        return first + row[first..].TakeWhile(c => c == ' ').Count();
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
