using Monitor.Crawlers.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

public sealed class CrawlCommandTests
{
    [Fact]
    public async Task Crawl_reads_a_sources_file_and_stores_every_article_of_the_feed()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, $"""
            sources:
              - name: baokontum
                outlet: Báo Kon Tum
                feeds: ["{site.BaseUrl}/baokontum/rss.xml"]
            """);
        var data = Path.Combine(dir.Path, "data");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "crawl", "--sources", sourcesFile, "--data-dir", data);

        Assert.Equal(0, run.ExitCode);
        var expected = site.Content.Articles.Count(a => a.Outlet == "baokontum");
        Assert.Equal(expected, await new ArticleReader(await MonitorDatabase.OpenAsync(data, CancellationToken.None)).CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_sources_file_with_an_error_stops_with_one_line_naming_the_file_and_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, "sources:\n  - name: a\n    outlet: Báo A\n    feeds: [\"ftp://a.vn/rss\"]\n");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "crawl", "--sources", sourcesFile, "--data-dir", dir.Path);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal($"lỗi: {sourcesFile}:4: source 'a': feed 'ftp://a.vn/rss' is not an absolute http(s) URL", line);
    }
}
