using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Fetching;

/// <summary>robots.txt groups are chosen by the product token as RFC 9309 says (section 2.2.1: case-insensitive match
/// of the whole token, not a substring), and a redirect to another host is fetched only as that host's robots.txt,
/// pause and politeness allow.</summary>
public sealed class RobotsTests : IAsyncLifetime
{
    private static readonly Uri Page = new("https://a.vn/bai.html");
    private readonly TempDir _dir = new();
    private LoopbackSite _other = null!;
    private LoopbackSite _start = null!;
    private readonly List<string> _otherPaths = [];

    public async Task InitializeAsync()
    {
        _other = await LoopbackSite.StartAsync((app, _) =>
        {
            app.Use(async (c, next) =>
            {
                lock (_otherPaths)
                {
                    _otherPaths.Add(c.Request.Path);
                }

                await next(c);
            });
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /cam/\n", "text/plain"));
            app.MapGet("/cam/bai.html", () => Results.Text("<html><body>bị cấm</body></html>", "text/html"));
            app.MapGet("/mo/bai.html", () => Results.Text("<html><body>được phép</body></html>", "text/html"));
        });
        var other = _other.BaseUrl;
        _start = await LoopbackSite.StartAsync((app, _) =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n", "text/plain"));
            app.MapGet("/sang-cam", () => Results.Redirect(other + "/cam/bai.html"));
            app.MapGet("/sang-mo", () => Results.Redirect(other + "/mo/bai.html"));
        });
    }

    public async Task DisposeAsync()
    {
        await _start.DisposeAsync();
        await _other.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("User-agent: bot\nDisallow: /\n", true)]
    [InlineData("User-agent: Monitor\nDisallow: /\n", true)]
    [InlineData("User-agent: monitorbot\nDisallow: /\n", false)]
    [InlineData("User-agent: MONITORBOT\nDisallow: /\n", false)]
    [InlineData("User-agent: MonitorBot/1.0\nDisallow: /\n", false)]
    [InlineData("User-agent: MonitorBotX\nDisallow: /\n", true)]
    [InlineData("User-agent: bot\nDisallow: /\n\nUser-agent: *\nAllow: /\n", true)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: bot\nAllow: /\n", false)]
    public void A_group_applies_to_MonitorBot_only_when_it_names_the_product_token(string robots, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(robots, FetchOptions.RobotsToken).Allows(Page));

    [Fact]
    public void A_group_for_the_token_replaces_the_star_group_and_its_crawl_delay()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 30\nDisallow: /a/\n\nUser-agent: monitorbot\nCrawl-delay: 2\nDisallow: /b/\n", FetchOptions.RobotsToken);

        Assert.True(robots.Allows(new Uri("https://a.vn/a/1")));
        Assert.False(robots.Allows(new Uri("https://a.vn/b/1")));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);
    }

    private async Task<HttpFetcher> FetcherAsync()
    {
        var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1, AllowPrivateNetworks = true };
        var state = new CrawlState(await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None), TimeProvider.System);
        return new HttpFetcher(HttpFetcher.CreateClient(options), options, state, TimeProvider.System);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_refused_when_that_hosts_robots_txt_disallows_it()
    {
        var fetcher = await FetcherAsync();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(_start.BaseUrl + "/sang-cam"), CancellationToken.None));

        Assert.Equal("robots", e.Kind);
        Assert.Contains(new Uri(_other.BaseUrl).Authority, e.Message, StringComparison.Ordinal);
        lock (_otherPaths)
        {
            Assert.Equal(["/robots.txt"], _otherPaths);
        }
    }

    [Fact]
    public async Task A_redirect_to_another_host_it_allows_is_fetched_after_reading_its_robots_txt()
    {
        var fetcher = await FetcherAsync();

        var page = await fetcher.GetAsync(new Uri(_start.BaseUrl + "/sang-mo"), CancellationToken.None);

        Assert.Contains("được phép", page.Content, StringComparison.Ordinal);
        Assert.Equal(new Uri(_start.BaseUrl + "/sang-mo"), page.Url);
        Assert.Equal(new Uri(_other.BaseUrl + "/mo/bai.html"), page.FinalUrl);
        lock (_otherPaths)
        {
            Assert.Equal(["/robots.txt", "/mo/bai.html"], _otherPaths);
        }
    }

    [Fact]
    public async Task A_redirect_to_a_paused_host_is_not_followed()
    {
        var fetcher = await FetcherAsync();
        var state = new CrawlState(await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None), TimeProvider.System);
        await state.PauseHostAsync(new Uri(_other.BaseUrl).Authority, TimeProvider.System.GetUtcNow().AddHours(1), "thử", CancellationToken.None);

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(_start.BaseUrl + "/sang-mo"), CancellationToken.None));

        Assert.Equal("paused", e.Kind);
        lock (_otherPaths)
        {
            Assert.Empty(_otherPaths);
        }
    }
}
