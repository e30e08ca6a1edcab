using System.Text.Json;
using Monitor.Host.Reports;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Contract;
using Monitor.Tests.Shared;
using Spectre.Console;

namespace Monitor.Host.Tests.Reports;

[Trait("Category", "Process")]
public sealed class ReportFormatTests
{
    private static readonly DateOnly AsOf = new(2024, 11, 24);

    [Fact]
    public async Task Csv_and_markdown_carry_the_same_titles_headings_cells_and_notes_and_the_console_table_shows_every_cell()
    {
        using var dir = new TempDir();
        var tables = await TablesAsync(dir.Path);

        var csv = Parse(Write(tables, "csv"), FromCsv);
        var md = Parse(Write(tables, "md"), FromMarkdown);
        var console = Write(tables, "table");

        foreach (var parsed in new[] { csv, md })
        {
            Assert.Equal(tables.Count, parsed.Count);
            for (var i = 0; i < tables.Count; i++)
            {
                Assert.Equal(tables[i].Title, parsed[i].Title);
                Assert.Equal(tables[i].Columns, parsed[i].Columns);
                Assert.Equal(tables[i].Rows.Select(r => r.ToList()), parsed[i].Rows.Select(r => r.ToList()));
                Assert.Equal(tables[i].Notes, parsed[i].Notes);
            }
        }

        Assert.All(tables.SelectMany(t => t.Rows.SelectMany(r => r).Concat(t.Columns).Concat(t.Notes).Append(t.Title)),
            cell => Assert.Contains(cell, console, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_quota_table_says_who_is_behind_in_vietnamese()
    {
        using var dir = new TempDir();
        var quotas = (await TablesAsync(dir.Path))[1];

        Assert.Equal(["Chỉ tiêu", "Chủ đề", "Cơ quan báo chí", "Định mức", "Thời gian", "Số kỳ", "Phải có", "Đã có", "Còn thiếu", "Tình trạng", "Chuyên mục", "Bài được tính"], quotas.Columns);
        Assert.Equal(["1", "mọi chủ đề", CoverageFixture.A, "2 tin, bài/tuần", "từ 11/11/2024", "2", "4", "3", "1", "chậm tiến độ"], quotas.Rows[0].Take(10));
        Assert.Equal("2/3 chỉ tiêu đúng tiến độ, 1 chậm tiến độ.", Assert.Single(quotas.Notes));
    }

    [Fact]
    public async Task Report_commands_answer_in_each_format_and_a_bad_format_or_date_is_one_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        await FillAsync(dir.Path);

        var csv = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "quotas", "--plan", "w46", "--as-of", "2024-11-24", "--format", "csv", "--data-dir", dir.Path);
        var md = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "gaps", "--as-of", "2024-11-24", "--format", "md", "--data-dir", dir.Path);
        var json = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "coverage", "--from", "2024-11-18", "--to", "2024-11-30", "--format", "json", "--data-dir", dir.Path);
        var badFormat = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "coverage", "--format", "xml", "--data-dir", dir.Path);
        var badDate = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "quotas", "--as-of", "24/11/2024", "--data-dir", dir.Path);

        Assert.Equal(0, csv.ExitCode);
        Assert.Contains(csv.Lines, l => l.StartsWith($"1,mọi chủ đề,{CoverageFixture.A},\"2 tin, bài/tuần\"", StringComparison.Ordinal) && l.Contains(",4,3,1,chậm tiến độ,", StringComparison.Ordinal));
        Assert.Equal(0, md.ExitCode);
        Assert.Contains(md.Lines, l => l.StartsWith("| 2.5 | Kỳ họp thứ 8 Quốc hội | chưa có bài |", StringComparison.Ordinal) && l.Contains("nguồn lỗi: http://b.vn/rss: HTTP 404", StringComparison.Ordinal));
        Assert.Equal(0, json.ExitCode);
        var coverage = JsonDocument.Parse(string.Join('\n', json.Lines)).RootElement[0];
        Assert.Equal("w46", coverage.GetProperty("plan").GetString());
        Assert.All(coverage.GetProperty("rows").EnumerateArray(), r => Assert.Equal("2024-W47", r.GetProperty("period").GetString()));
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Equal("lỗi: --format 'xml': không hỗ trợ, dùng table, json, csv hoặc md", Assert.Single(badFormat.Lines));
        Assert.Equal(2, badDate.ExitCode);
        Assert.Equal("lỗi: --as-of '24/11/2024': ngày không hợp lệ, dùng dạng YYYY-MM-DD (ví dụ 2024-11-18)", Assert.Single(badDate.Lines));
    }

    private static async Task<List<ReportTable>> TablesAsync(string dataDir)
    {
        var db = await FillAsync(dataDir);
        var store = new SqliteCoverageStore(db, TimeProvider.System);
        var plan = (await store.PlanInForceAsync("w46", AsOf, CancellationToken.None))!;
        return
        [
            CoverageTables.Coverage(await store.CoverageAsync(plan, new CoverageQuery(), CancellationToken.None)),
            CoverageTables.Quotas(plan.Id, plan.Version, AsOf, await store.QuotasAsync(plan, AsOf, QuotaDetail.Articles, CancellationToken.None)),
            CoverageTables.Gaps(await store.GapsAsync(plan, AsOf, CancellationToken.None)),
            CoverageTables.Events(plan.Id, plan.Version, 3, await store.EventsAsync(plan, 3, CancellationToken.None)),
        ];
    }

    private static async Task<MonitorDatabase> FillAsync(string dataDir)
    {
        var db = await MonitorDatabase.OpenAsync(dataDir, CancellationToken.None);
        await CoverageFixture.FillAsync(db);
        return db;
    }

    private static string Write(List<ReportTable> tables, string format)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 2000;
        ReportWriter.Write(tables, format, output, console);
        return output.ToString();
    }

    private static List<ReportTable> Parse(string text, Func<string, List<ReportTable>> parse) => parse(text);

    // RFC 4180 records; a table is its title, headings, then rows of the heading's width, then one-field notes.
    private static List<ReportTable> FromCsv(string text)
    {
        var tables = new List<ReportTable>();
        foreach (var block in text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var records = block.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(CsvFields).ToList();
            var columns = records[1];
            var rows = records.Skip(2).TakeWhile(r => r.Count == columns.Count).ToList();
            tables.Add(new ReportTable(records[0][0], columns, rows, records.Skip(2 + rows.Count).Select(r => r[0]).ToList()));
        }

        return tables;
    }

    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static List<ReportTable> FromMarkdown(string text)
    {
        var tables = new List<ReportTable>();
        foreach (var block in text.Split("## ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var cells = lines.Where(l => l.StartsWith('|')).Select(l => System.Text.RegularExpressions.Regex.Split(l.Trim()[2..^2], @"(?<!\\) \| ").Select(c => c.Replace("\\|", "|", StringComparison.Ordinal)).ToList()).ToList();
            tables.Add(new ReportTable(lines[0], cells[0], [.. cells.Skip(2)], lines.Skip(1).Where(l => !l.StartsWith('|')).ToList()));
        }

        return tables;
    }
}
