using System.Text.Json;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Contract;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>monitor summary as a user runs it, on the coverage fixture's store.</summary>
[Trait("Category", "Process")]
public sealed class SummaryCommandTests
{
    [Fact]
    public async Task Themes_covered_in_the_json_summary_are_those_report_coverage_shows_for_the_same_week()
    {
        using var dir = new TempDir();
        await CoverageFixture.FillAsync(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var summary = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "summary", "--plan", "w46", "--week", "2024-W47", "--format", "json", "--data-dir", dir.Path);
        var coverage = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "report", "coverage", "--plan", "w46", "--from", "2024-11-18", "--to", "2024-11-24",
            "--format", "json", "--data-dir", dir.Path);

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(0, coverage.ExitCode);
        using var s = JsonDocument.Parse(string.Join('\n', summary.Lines));
        using var c = JsonDocument.Parse(string.Join('\n', coverage.Lines));
        var covered = c.RootElement[0].GetProperty("rows").EnumerateArray().Where(r => r[2].GetString() != "chưa có bài").Select(r => r[0].GetString()).Distinct().ToList();
        Assert.Equal(covered, s.RootElement.GetProperty("themes_covered").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.Equal(["1.2", "1.3"], covered);
    }

    [Fact]
    public async Task A_word_summary_is_written_to_the_file_given()
    {
        using var dir = new TempDir();
        await CoverageFixture.FillAsync(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = Path.Combine(dir.Path, "out", "w46.docx");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "summary", "--plan", "w46", "--week", "2024-W46", "--format", "docx", "-o", file, "--data-dir", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.True(new FileInfo(file).Length > 2000);
        Assert.Empty(run.Lines);
    }

    [Theory]
    [InlineData("--week 2024-46", "lỗi: --week '2024-46': tuần không hợp lệ, dùng dạng YYYY-Www (ví dụ 2024-W46)")]
    [InlineData("--week 2024-W46 --format odt", "lỗi: --format 'odt': không hỗ trợ, dùng md, html, docx, json hoặc pdf")]
    [InlineData("--week 2024-W46 --format docx", "lỗi: --format docx cần tệp đầu ra: thêm -o TỆP")]
    [InlineData("--week 2024-W46 --plan khac", "lỗi: --plan 'khac': không có kế hoạch này trong kho")]
    public async Task Bad_input_is_one_line_naming_it_and_exit_code_2(string args, string line)
    {
        using var dir = new TempDir();
        await CoverageFixture.FillAsync(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string[] plan = args.Contains("--plan", StringComparison.Ordinal) ? [] : ["--plan", "w46"];

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), ["summary", .. plan, .. args.Split(' '), "--data-dir", dir.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([line], run.Lines);
    }
}
