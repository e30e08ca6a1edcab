using Microsoft.Data.Sqlite;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>Inputs a user can get wrong, through the real executable: one line per problem, exit code 2, nothing
/// written, never a stack trace.</summary>
[Trait("Category", "Process")]
public sealed class BadInputCommandTests
{
    private const string RejectedPlan = """
        id: hong
        themes:
        - code: '1'
          title: Phòng cháy chữa cháy
          keywords: [phòng cháy]
        - code: '1'
          title: Chuyển đổi số
          keywords: [chuyển đổi số]
        quotas:
        - theme: '1'
          count: -5
          unit: tin
          period: week
        """;

    private static void NoStackTrace(string[] lines) =>
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));

    [Theory]
    [InlineData("plan")]
    [InlineData("retag")]
    [InlineData("tag")]
    public async Task A_plan_the_checker_rejects_is_refused_by_every_command_that_takes_one_and_nothing_is_stored(string command)
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "hong.yaml");
        await File.WriteAllTextAsync(plan, RejectedPlan);
        var articles = Path.Combine(dir.Path, "articles.jsonl");
        await File.WriteAllTextAsync(articles, "");
        var data = Path.Combine(dir.Path, "data");
        string[] args = command switch
        {
            "plan" => ["plan", "load", plan, "--data-dir", data],
            "retag" => ["retag", "--plan", plan, "--data-dir", data],
            _ => ["tag", "--plan", plan, articles],
        };

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"lỗi: {plan}:6: mã chủ đề '1' trùng với một chủ đề trước; mỗi chủ đề cần một mã riêng", $"lỗi: {plan}:11: chỉ tiêu: count phải là số nguyên dương"], run.Lines);
        NoStackTrace(run.Lines);
        if (Directory.Exists(data))
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "monitor.db")};Pooling=false");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM plans";
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Extract_refuses_a_gzip_bomb_random_bytes_a_corrupt_gzip_and_an_empty_file_one_line_each()
    {
        using var dir = new TempDir();
        var bomb = Path.Combine(dir.Path, "bomb.html.gz");
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(bomb), System.IO.Compression.CompressionLevel.SmallestSize))
        {
            await gzip.WriteAsync(System.Text.Encoding.ASCII.GetBytes("<html><body><p>"));
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await gzip.WriteAsync(zeros);
            }
        }

        var random = Path.Combine(dir.Path, "random.html");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(random, bytes);
        var corrupt = Path.Combine(dir.Path, "corrupt.html.gz");
        await File.WriteAllBytesAsync(corrupt, [0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var empty = Path.Combine(dir.Path, "empty.html");
        await File.WriteAllBytesAsync(empty, []);
        // 100,000 nested divs: 53 s before the depth cap.
        var deep = Path.Combine(dir.Path, "deep.html");
        await File.WriteAllTextAsync(deep, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Nội dung</p></body></html>");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "extract", bomb, random, corrupt, empty, deep);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
        [
            $"lỗi: {bomb}: nội dung vượt giới hạn 8,388,608 byte",
            $"lỗi: {random}: không phải trang HTML (dữ liệu nhị phân)",
            $"lỗi: {corrupt}: tệp gzip hỏng",
            $"lỗi: {empty}: tệp rỗng",
            $"lỗi: {deep}: trang lồng quá 1000 tầng phần tử HTML nên bỏ qua trang này",
        ], run.Lines);
    }

    [Fact]
    public async Task A_data_directory_that_is_a_file_or_holds_a_corrupt_database_is_one_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var corrupt = Path.Combine(dir.Path, "corrupt");
        Directory.CreateDirectory(corrupt);
        await File.WriteAllBytesAsync(Path.Combine(corrupt, "monitor.db"), System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));

        var onFile = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "health", "--data-dir", file);
        var onCorrupt = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "health", "--data-dir", corrupt);

        Assert.Equal(2, onFile.ExitCode);
        Assert.Equal($"lỗi: --data-dir {file}: là một tệp, không phải thư mục dữ liệu", Assert.Single(onFile.Lines));
        Assert.Equal(2, onCorrupt.ExitCode);
        Assert.StartsWith($"lỗi: {Path.Combine(corrupt, "monitor.db")}: không phải cơ sở dữ liệu SQLite", Assert.Single(onCorrupt.Lines), StringComparison.Ordinal);
    }

    /// <summary>Each of these overflowed the stack before the depth limits: the process was aborted, no message.</summary>
    [Theory]
    [InlineData("rule", "luật lồng quá 64 tầng")]
    [InlineData("plan", "YAML lồng quá 64 tầng")]
    [InlineData("sources", "YAML lồng quá 64 tầng")]
    public async Task Input_nested_past_the_depth_limit_is_one_line_and_exit_code_2_not_a_stack_overflow(string input, string message)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, input + ".yaml");
        await File.WriteAllTextAsync(file, input switch
        {
            "rule" => "themes:\n- code: A\n  title: Sâu\n  keywords: [a]\n  rules: ['" + new string('(', 9_000) + "\"a\"" + new string(')', 9_000) + "']\n",
            "plan" => "themes: " + new string('[', 100_000) + new string(']', 100_000) + "\n",
            _ => "sources: " + new string('[', 100_000) + new string(']', 100_000) + "\n",
        });
        string[] args = input == "sources" ? ["crawl", "--sources", file, "--data-dir", dir.Path] : ["plan", "load", file, "--data-dir", dir.Path];

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.Lines), StringComparison.Ordinal);
        Assert.StartsWith($"lỗi: {file}:", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directive_check_of_a_missing_plan_names_the_file_without_a_line_zero()
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "khong-co.yaml");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "directive", "check", plan);

        Assert.Equal((2, $"{plan}: không có tệp này"), (run.ExitCode, Assert.Single(run.Lines)));
    }

    // .NET's own message was English: "lỗi: Could not find file '…'."
    [Fact]
    public async Task A_missing_file_is_one_vietnamese_line_naming_it_for_extract_its_list_and_the_sources_file()
    {
        using var dir = new TempDir();
        var page = Path.Combine(dir.Path, "khong-co.html");
        var list = Path.Combine(dir.Path, "khong-co.tsv");
        var sources = Path.Combine(dir.Path, "khong-co.yaml");

        var extract = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "extract", page);
        var fromList = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "extract", "--list", list);
        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "run", "--once", "--sources", sources, "--data-dir", Path.Combine(dir.Path, "data"));

        Assert.Equal((2, $"lỗi: {page}: không có tệp này"), (extract.ExitCode, Assert.Single(extract.Lines)));
        Assert.Equal((2, $"lỗi: {list}: không có tệp này"), (fromList.ExitCode, Assert.Single(fromList.Lines)));
        Assert.Equal((2, $"lỗi: {sources}: không có tệp này"), (run.ExitCode, Assert.Single(run.Lines)));
    }

    [Fact]
    public async Task A_plan_written_to_a_directory_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        var directive = Path.Combine(dir.Path, "kh.txt");
        await File.WriteAllTextAsync(directive, "KẾ HOẠCH\nTuyên truyền năm 2024\nI. NỘI DUNG\n1. Truyền thông du lịch: quảng bá du lịch tỉnh.\n");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "directive", "import", directive, "-o", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"lỗi: -o {dir.Path}: là một thư mục", Assert.Single(run.Lines), StringComparison.Ordinal);
        NoStackTrace(run.Lines);
    }

    [Fact]
    public async Task A_file_that_is_not_a_directive_still_gets_a_proposal_but_the_user_is_warned_in_one_line()
    {
        using var dir = new TempDir();
        var notes = Path.Combine(dir.Path, "ghi-chu.md");
        await File.WriteAllTextAsync(notes, "# Ghi chú\n\n1. Cài đặt: chạy make demo.\n2. Kiểm thử: chạy make test.\n");
        var directive = Path.Combine(dir.Path, "kh.txt");
        await File.WriteAllTextAsync(directive, "KẾ HOẠCH\n\nTuyên truyền năm 2024\n\nI. NỘI DUNG\n\n1. Truyền thông du lịch: quảng bá du lịch tỉnh.\n");
        var apart = new Dictionary<string, string>();

        var wrong = await MonitorProcess.RunApartAsync(TimeSpan.FromMinutes(1), apart, "directive", "import", notes);
        var right = await MonitorProcess.RunApartAsync(TimeSpan.FromMinutes(1), apart, "directive", "import", directive);

        Assert.Equal(0, wrong.ExitCode);
        Assert.Contains(wrong.Output, l => l.StartsWith("themes:", StringComparison.Ordinal));
        var warning = Assert.Single(wrong.Errors);
        Assert.StartsWith($"cảnh báo: {notes}: không thấy phần đầu của một văn bản chỉ đạo", warning, StringComparison.Ordinal);
        Assert.Contains("2 chủ đề được đề xuất", warning, StringComparison.Ordinal);
        Assert.Equal(0, right.ExitCode);
        Assert.Empty(right.Errors);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("results")]
    public async Task A_report_written_to_a_directory_is_one_line_naming_it_before_any_work(string command)
    {
        using var dir = new TempDir();
        string[] args = command == "summary"
            ? ["summary", "--plan", "w46", "--week", "2024-W46", "--format", "md", "-o", dir.Path, "--data-dir", dir.Path]
            : ["report", "results", "--plan", "w46", "--format", "md", "-o", dir.Path, "--data-dir", dir.Path];

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"lỗi: -o {dir.Path}: là một thư mục", Assert.Single(run.Lines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "monitor.db")));
    }

    [Fact]
    public async Task A_second_crawl_on_the_same_data_directory_is_refused_with_one_line_while_the_first_runs()
    {
        using var dir = new TempDir();
        await using var site = await Monitor.Lab.SampleSite.SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        // The sample site's "cham" feed leads to a page that hangs: the first crawl holds the directory meanwhile.
        await File.WriteAllTextAsync(sourcesFile, $"sources:\n  - name: cham\n    outlet: Trang treo\n    feeds: [\"{site.BaseUrl}/cham/rss.xml\"]\n");
        var data = Path.Combine(dir.Path, "data");
        using var first = MonitorProcess.Start("crawl", "--sources", sourcesFile, "--data-dir", data);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(first.Lines.Length == 0 && File.Exists(Path.Combine(data, "crawl.lock")) && new FileInfo(Path.Combine(data, "crawl.lock")).Length > 0), TimeSpan.FromSeconds(60)));

        var second = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "crawl", "--sources", sourcesFile, "--data-dir", data);

        Assert.Equal(2, second.ExitCode);
        Assert.StartsWith($"lỗi: thư mục dữ liệu {data} đang có một tiến trình thu thập khác chạy", Assert.Single(second.Lines), StringComparison.Ordinal);
        first.Kill();
    }
}
