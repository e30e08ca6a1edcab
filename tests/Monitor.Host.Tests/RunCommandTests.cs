using System.Diagnostics;
using Monitor.Host.Tests.Support;
using Monitor.Lab.SampleSite;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;
using Xunit.Abstractions;

namespace Monitor.Host.Tests;

/// <summary>monitor run as a process: --once runs every scheduled job once against the sample site on 127.0.0.1, and a
/// bad sources file stops it before anything runs.</summary>
[Trait("Category", "Process")]
public sealed class RunCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_once_crawls_each_source_once_runs_maintenance_stores_every_article_and_exits()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, "sources:\n" + string.Concat(site.Content.Outlets.Select(o => $"""
              - name: {o.Slug}
                outlet: "{o.Name}"
                feeds: ["{site.BaseUrl}/{o.Slug}/{(o.Style == "opengraph" ? "atom.xml" : "rss.xml")}"]
                schedule: "0 0 5 * * ?"

            """)));
        var data = Path.Combine(dir.Path, "data");
        var clock = Stopwatch.StartNew();

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["Monitor__Fetch__MinDelayPerHost"] = "00:00:00.020" },
            "run", "--once", "--sources", sourcesFile, "--data-dir", data);

        output.WriteLine($"monitor run --once, {site.Content.Outlets.Count} sources of the sample site: {clock.Elapsed.TotalSeconds:0.0} s for the process");
        output.WriteLine(string.Join('\n', run.Lines));
        Assert.Equal(0, run.ExitCode);
        // A crawl per source, retention, store maintenance, the weekly summary, the quota reminders and the relevance learning.
        Assert.Contains(run.Lines, l => l.StartsWith($"đã chạy {site.Content.Outlets.Count + 5} việc (0 lỗi)", StringComparison.Ordinal));
        var db = await MonitorDatabase.OpenAsync(data, CancellationToken.None);
        Assert.Equal(site.Content.Articles.Count, await new ArticleReader(db).CountAsync(CancellationToken.None));
        var health = await new SourceHealthReport(db, TimeProvider.System).ComputeAsync([], CancellationToken.None);
        Assert.Equal(site.Content.Outlets.Select(o => o.Slug).Order(StringComparer.Ordinal), health.Select(h => h.Source).Order(StringComparer.Ordinal));
        Assert.All(health, h => Assert.NotNull(h.LastSuccess));
    }

    [Fact]
    public async Task A_running_scheduler_keeps_its_schedule_on_a_broken_sources_file_and_takes_the_fixed_one_with_one_line_on_stderr()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        string Source(int i) => $"""
              - name: {site.Content.Outlets[i].Slug}
                outlet: "{site.Content.Outlets[i].Name}"
                feeds: ["{site.BaseUrl}/{site.Content.Outlets[i].Slug}/{(site.Content.Outlets[i].Style == "opengraph" ? "atom.xml" : "rss.xml")}"]
                schedule: "0 0 5 * * ?"

            """;
        await File.WriteAllTextAsync(sourcesFile, "sources:\n" + Source(0));
        using var run = MonitorProcess.Start(new Dictionary<string, string> { ["Monitor__Fetch__MinDelayPerHost"] = "00:00:00.020" },
            "run", "--sources", sourcesFile, "--data-dir", Path.Combine(dir.Path, "data"));
        // The start run of the first source ends with its crawl line: the scheduler, and the watcher beside it, are up.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Lines.Any(l => l.Contains(site.Content.Outlets[0].Slug, StringComparison.Ordinal))), TimeSpan.FromMinutes(1)),
            string.Join('\n', run.Lines));

        await File.WriteAllTextAsync(sourcesFile, "sources:\n" + Source(0).Replace("0 0 5 * * ?", "mỗi giờ", StringComparison.Ordinal));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Lines.Any(l => l.Contains("có lỗi, vẫn chạy theo lịch cũ", StringComparison.Ordinal))), TimeSpan.FromMinutes(1)),
            string.Join('\n', run.Lines));
        await File.WriteAllTextAsync(sourcesFile, "sources:\n" + Source(0) + Source(1));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(run.Lines.Any(l => l.Contains("thêm 1, bỏ 0, đổi lịch 0, đổi cấu hình 0", StringComparison.Ordinal))), TimeSpan.FromMinutes(1)),
            string.Join('\n', run.Lines));

        output.WriteLine(string.Join('\n', run.Lines));
        Assert.Contains(run.Lines, l => l.Contains($"{sourcesFile}:5: nguồn '{site.Content.Outlets[0].Slug}': schedule 'mỗi giờ'", StringComparison.Ordinal));
        Assert.False(run.HasExited);
        // Every log line went to stderr: monitor run writes nothing on stdout while it runs.
        Assert.Empty(run.OutputLines);
    }

    [Fact]
    public async Task A_bad_sources_file_stops_run_with_one_line_and_exit_code_2_before_anything_runs()
    {
        using var dir = new TempDir();
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, "sources:\n  - name: a\n    outlet: Báo A\n    feeds: [\"https://a.vn/rss\"]\n    schedule: \"mỗi giờ\"\n");
        var data = Path.Combine(dir.Path, "data");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "run", "--once", "--sources", sourcesFile, "--data-dir", data);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"lỗi: {sourcesFile}:5: nguồn 'a': schedule 'mỗi giờ' không phải biểu thức cron của Quartz (ví dụ \"0 0/30 * * * ?\")", Assert.Single(run.Lines));
        Assert.False(Directory.Exists(data));
    }
}
