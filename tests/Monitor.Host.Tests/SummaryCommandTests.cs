using System.Text.Json;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Tests.Support;
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
        var covered = c.RootElement[0].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("theme").GetString()).Distinct().ToList();
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

    [Fact]
    public async Task With_monitor_llm_set_the_summary_carries_the_models_paragraph_written_from_the_same_facts()
    {
        using var dir = new TempDir();
        await CoverageFixture.FillAsync(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var plain = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "summary", "--plan", "w46", "--week", "2024-W47", "--format", "json", "--data-dir", dir.Path);
        using var facts = JsonDocument.Parse(string.Join('\n', plain.Lines));
        var paragraph = $"Tuần 47/2024 có {facts.RootElement.GetProperty("articles").GetInt32()} tin, bài về kế hoạch.";
        await using var endpoint = await Monitor.Reports.Tests.Support.ChatEndpoint.StartAsync(Monitor.Reports.Tests.Support.ChatEndpoint.Says(paragraph));
        var llm = new Dictionary<string, string> { ["Monitor__Llm__Endpoint"] = endpoint.Url, ["Monitor__Llm__Model"] = "test-model", ["Monitor__Llm__Key"] = "k" };

        var json = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), llm, "summary", "--plan", "w46", "--week", "2024-W47", "--format", "json", "--data-dir", dir.Path);
        var md = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), llm, "summary", "--plan", "w46", "--week", "2024-W47", "--format", "md", "--data-dir", dir.Path);

        Assert.Equal(0, json.ExitCode);
        using var summary = JsonDocument.Parse(string.Join('\n', json.Lines));
        Assert.Equal(paragraph, summary.RootElement.GetProperty("narrative").GetString());
        Assert.False(facts.RootElement.TryGetProperty("narrative", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Contains(paragraph, md.Lines);
        // The model was given the facts the plain summary printed, nothing else.
        var sent = JsonDocument.Parse(endpoint.Requests[0].RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!);
        Assert.Equal(facts.RootElement.GetProperty("articles").GetInt32(), sent.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(facts.RootElement.GetProperty("themes_covered").ToString(), sent.RootElement.GetProperty("themes_covered").ToString());
    }

    [Fact]
    public async Task A_model_answer_with_an_invented_number_is_left_out_with_one_warning_and_a_bad_llm_setting_is_one_line()
    {
        using var dir = new TempDir();
        await CoverageFixture.FillAsync(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var endpoint = await Monitor.Reports.Tests.Support.ChatEndpoint.StartAsync(Monitor.Reports.Tests.Support.ChatEndpoint.Says("Tuần này có 917 tin, bài."));

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["Monitor__Llm__Endpoint"] = endpoint.Url, ["Monitor__Llm__Model"] = "test-model" },
            "summary", "--plan", "w46", "--week", "2024-W47", "--format", "md", "--data-dir", dir.Path);
        var bad = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["Monitor__Llm__Endpoint"] = endpoint.Url },
            "summary", "--plan", "w46", "--week", "2024-W47", "--format", "md", "--data-dir", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(endpoint.Requests);
        Assert.DoesNotContain(run.Lines, l => l.Contains("917 tin", StringComparison.Ordinal) && !l.Contains("bỏ qua", StringComparison.Ordinal));
        Assert.Single(run.Lines, l => l.Contains("bỏ qua đoạn tóm tắt của mô hình ngôn ngữ", StringComparison.Ordinal) && l.Contains("(917)", StringComparison.Ordinal));
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(["lỗi: Monitor:Llm:Model: cần tên mô hình khi đã đặt Endpoint"], bad.Lines);
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
