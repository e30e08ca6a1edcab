using System.Text.Json;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Feedback;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>monitor users add|list|remove and monitor feedback export, through the real executable.</summary>
public sealed class UserAndFeedbackCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_user_is_added_from_a_password_on_stdin_listed_with_role_and_outlets_and_removed()
    {
        using var dir = new TempDir();

        var added = await MonitorProcess.RunWithInputAsync(Limit, "mat-khau-bien-tap\n", "users", "add", "lan", "--role", "editor", "--outlet", "Báo Kon Tum",
            "--outlet", "Đài Kon Tum", "--password-stdin", "--data-dir", dir.Path);
        var listed = await MonitorProcess.RunAsync(Limit, "users", "list", "--data-dir", dir.Path);
        var removed = await MonitorProcess.RunAsync(Limit, "users", "remove", "lan", "--data-dir", dir.Path);
        var again = await MonitorProcess.RunAsync(Limit, "users", "remove", "lan", "--data-dir", dir.Path);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal("đã lưu người dùng lan (editor)", Assert.Single(added.Lines));
        Assert.Equal(["lan\teditor\tBáo Kon Tum, Đài Kon Tum"], listed.Lines);
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal("lỗi: người dùng 'lan': không có trong kho", Assert.Single(again.Lines));
    }

    [Theory]
    [InlineData("mat-khau-du-dai\n", new[] { "users", "add", "an", "--role", "chief", "--password-stdin" }, "lỗi: --role 'chief': không có vai trò này, dùng admin, analyst, editor, leader")]
    [InlineData("ngan\n", new[] { "users", "add", "an", "--role", "analyst", "--password-stdin" }, "lỗi: mật khẩu quá ngắn: cần ít nhất 10 ký tự")]
    [InlineData("mat-khau-du-dai\n", new[] { "users", "add", "an", "--role", "editor", "--password-stdin" }, "lỗi: vai trò editor cần ít nhất một --outlet (cơ quan báo chí biên tập viên phụ trách)")]
    public async Task Bad_user_input_is_one_line_and_exit_code_2(string input, string[] args, string message)
    {
        using var dir = new TempDir();

        var (exit, lines) = await MonitorProcess.RunWithInputAsync(Limit, input, [.. args, "--data-dir", dir.Path]);

        Assert.Equal(2, exit);
        Assert.Equal(message, Assert.Single(lines));
    }

    [Fact]
    public async Task Feedback_export_of_a_plan_not_in_the_store_is_one_line_and_exit_code_2_not_an_empty_success()
    {
        using var dir = new TempDir();

        var (exit, lines) = await MonitorProcess.RunAsync(Limit, "feedback", "export", "--plan", "khong-co", "--data-dir", dir.Path);

        Assert.Equal(2, exit);
        Assert.Equal("lỗi: --plan 'khong-co': không có kế hoạch này trong kho (nạp bằng: monitor plan load TỆP)", Assert.Single(lines));
    }

    [Fact]
    public async Task Feedback_is_exported_as_one_json_line_per_decision_with_the_learners_fields()
    {
        using var dir = new TempDir();
        var db = await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None);
        var feedback = new FeedbackStore(db, new ManualTime(new DateTimeOffset(2024, 11, 20, 3, 0, 0, TimeSpan.Zero)));
        await feedback.RecordAsync("w46", "a1", "1.2", Verdict.Rejected, "bài quảng cáo", "lan", CancellationToken.None);
        await feedback.RecordAsync("other", "a1", "9.9", Verdict.Added, null, "lan", CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (exit, lines) = await MonitorProcess.RunAsync(Limit, "feedback", "export", "--plan", "w46", "--format", "jsonl", "--data-dir", dir.Path);

        Assert.Equal(0, exit);
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["plan", "article_id", "theme", "verdict", "reason", "user", "at"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("w46", "a1", "1.2", "rejected", "bài quảng cáo", "lan", "2024-11-20T03:00:00.000Z"),
            (json.RootElement.GetProperty("plan").GetString(), json.RootElement.GetProperty("article_id").GetString(), json.RootElement.GetProperty("theme").GetString(),
             json.RootElement.GetProperty("verdict").GetString(), json.RootElement.GetProperty("reason").GetString(), json.RootElement.GetProperty("user").GetString(),
             json.RootElement.GetProperty("at").GetString()));
    }
}
