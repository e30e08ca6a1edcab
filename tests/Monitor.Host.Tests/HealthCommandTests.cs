using System.Text.Json;
using Monitor.Lab.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_reports_each_source_of_the_file_with_its_errors_by_kind_in_json()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, $"""
            sources:
              - name: baokontum
                outlet: Báo Kon Tum
                feeds: ["{site.BaseUrl}/baokontum/rss.xml"]
              - name: hong
                outlet: Nguồn hỏng
                feeds: ["{site.BaseUrl}/hong/rss.xml"]
              - name: chua
                outlet: Chưa thu thập
                feeds: ["{site.BaseUrl}/chua/rss.xml"]
            """);
        var data = Path.Combine(dir.Path, "data");
        await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "crawl", "--sources", sourcesFile, "--source", "baokontum", "--data-dir", data);
        await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "crawl", "--sources", sourcesFile, "--source", "hong", "--data-dir", data);

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "health", "--format", "json", "--sources", sourcesFile, "--data-dir", data);

        using var json = JsonDocument.Parse(string.Join('\n', run.Lines));
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.Equal(["baokontum", "chua", "hong"], sources.Keys.Order());
        Assert.NotEqual(JsonValueKind.Null, sources["baokontum"].GetProperty("last_success").ValueKind);
        Assert.True(sources["baokontum"].GetProperty("articles_per_day").GetDouble() > 0);
        Assert.Equal(1, sources["hong"].GetProperty("errors_by_kind").GetProperty("http-4xx").GetInt32());
        Assert.Equal(JsonValueKind.Null, sources["chua"].GetProperty("last_attempt").ValueKind);
    }
}
