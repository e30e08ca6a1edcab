using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>Logs go to standard error for every command, so standard output is the command's output alone: a warning
/// in the middle of a run must not break the JSON a script reads.</summary>
[Trait("Category", "Process")]
public sealed class CliLogStreamTests
{
    private const string Plan = """
        id: w46
        directive:
          title: Hướng dẫn tuyên truyền tuần 46
        themes:
        - code: '2.5'
          title: Kỳ họp thứ 8, Quốc hội khóa XV
          keywords: ['Quốc hội thông qua']
        """;

    [Fact]
    public async Task Tag_with_an_unreachable_language_model_warns_on_stderr_and_stdout_stays_json_lines()
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "plan.yaml");
        await File.WriteAllTextAsync(plan, Plan);
        var input = Path.Combine(dir.Path, "articles.jsonl");
        // One body mention a few hundred characters in: a borderline pair, which the second opinion asks about.
        await File.WriteAllLinesAsync(input, Enumerable.Range(1, 3).Select(i => ArticleJson.Serialize(BorderlinePairs.Road(i))));
        // Nothing listens on port 9 of 127.0.0.1 (discard): the question fails at once and the stage warns.
        var settings = new Dictionary<string, string> { ["Monitor__Llm__Endpoint"] = "http://127.0.0.1:9/v1", ["Monitor__Llm__Model"] = "m" };

        var run = await MonitorProcess.RunApartAsync(TimeSpan.FromMinutes(1), settings, "tag", "--plan", plan, "--second-opinion", "5", "--data-dir", Path.Combine(dir.Path, "data"), input);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Errors, l => l.Contains("bỏ qua ý kiến thứ hai của mô hình ngôn ngữ", StringComparison.Ordinal));
        Assert.Equal(3, run.Output.Length);
        Assert.All(run.Output, l => Assert.Equal(["id", "themes", "references"], JsonDocument.Parse(l).RootElement.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["road-1", "road-2", "road-3"], run.Output.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }
}
