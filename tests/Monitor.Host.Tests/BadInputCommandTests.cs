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
        Assert.Equal([$"lỗi: {plan}:6: duplicate theme code '1'", $"lỗi: {plan}:11: quota count must be a positive whole number"], run.Lines);
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
}
