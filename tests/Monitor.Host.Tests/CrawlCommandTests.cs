using Monitor.Lab.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
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
        Assert.Equal($"lỗi: {sourcesFile}:4: nguồn 'a': feed 'ftp://a.vn/rss' không phải địa chỉ http(s) đầy đủ", line);
    }

    [Fact]
    public async Task Crawl_since_a_date_back_fills_through_listing_pages_and_reports_progress_on_stderr()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, $"""
            sources:
              - name: kontumportal
                outlet: Cổng Thông tin điện tử tỉnh Kon Tum
                kind: portal
                listings:
                  - url: "{site.BaseUrl}{SampleSiteDiscovery.ListingPath("kontumportal", 1)}"
                    links: ul.tin a
                    pattern: '^http://[^/]+/[^/]+/[^/]+/[^/]+\.html'
                politeness:
                  min_delay_seconds: 0.05
            """);
        var data = Path.Combine(dir.Path, "data");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "crawl", "--sources", sourcesFile, "--since", "01/11/2024", "--data-dir", data);

        Assert.Equal(0, run.ExitCode);
        var expected = site.Content.Articles.Count(a => a.Outlet == "kontumportal");
        Assert.Contains(run.Lines, l => l.StartsWith($"kontumportal: xong, {expected} địa chỉ bài, {expected} bài mới, 0 lỗi", StringComparison.Ordinal));
        Assert.Equal(expected, await new ArticleReader(await MonitorDatabase.OpenAsync(data, CancellationToken.None)).CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_since_that_is_not_a_date_is_one_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, "sources:\n  - name: a\n    outlet: Báo A\n    feeds: [\"http://127.0.0.1:9/rss\"]\n");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "crawl", "--sources", sourcesFile, "--since", "hôm qua", "--data-dir", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("lỗi: --since 'hôm qua' không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_real_crawl_refuses_a_feed_on_127_0_0_1_with_one_warning_line_and_a_refused_health_event()
    {
        using var dir = new TempDir();
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, $"sources:\n  - name: noibo\n    outlet: Dịch vụ nội bộ\n    feeds: [\"{site.BaseUrl}/baokontum/rss.xml\"]\n");
        var data = Path.Combine(dir.Path, "data");
        var realCrawl = new Dictionary<string, string> { ["Monitor__Fetch__AllowPrivateNetworks"] = "false" };

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), realCrawl, "crawl", "--sources", sourcesFile, "--data-dir", data);
        var health = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "health", "--format", "json", "--sources", sourcesFile, "--data-dir", data);

        Assert.Equal(1, run.ExitCode);
        var warning = Assert.Single(run.Lines, l => l.Contains("mạng nội bộ", StringComparison.Ordinal));
        Assert.Contains($"{site.BaseUrl}/baokontum/rss.xml", warning, StringComparison.Ordinal);
        Assert.Contains("\"refused\": 1", string.Join('\n', health.Lines), StringComparison.Ordinal);
        Assert.Equal(0, await new ArticleReader(await MonitorDatabase.OpenAsync(data, CancellationToken.None)).CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_fetch_setting_that_is_not_a_value_is_one_line_naming_it_and_exit_code_2()
    {
        using var dir = new TempDir();
        var sourcesFile = Path.Combine(dir.Path, "sources.yaml");
        await File.WriteAllTextAsync(sourcesFile, "sources:\n  - name: a\n    outlet: Báo A\n    feeds: [\"http://127.0.0.1:9/rss\"]\n");
        var settings = new Dictionary<string, string> { ["Monitor__Fetch__AllowPrivateNetworks"] = "co" };

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), settings, "crawl", "--sources", sourcesFile, "--data-dir", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("lỗi: cấu hình Monitor:Fetch không hợp lệ", Assert.Single(run.Lines), StringComparison.Ordinal);
    }
}
