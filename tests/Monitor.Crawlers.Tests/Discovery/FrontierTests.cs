using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Discovery;

public sealed class FrontierTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly CollectingPublisher _publisher = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly ManualTime _time = new(new DateTimeOffset(2024, 11, 18, 3, 0, 0, TimeSpan.Zero));
    private MisbehavingServer _server = null!;
    private MonitorDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _server = await MisbehavingServer.StartAsync();
        _db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private SourceCrawler Crawler()
    {
        var state = new CrawlState(_db, _time);
        var fetcher = new HttpFetcher(_http, new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1 }, state, _time);
        return new SourceCrawler(fetcher, state, new NearDuplicates(_db, _time), _publisher, _time, NullLogger<SourceCrawler>.Instance);
    }

    private SourceDefinition Source() => new() { Name = "sua", Outlet = "Báo sửa bài", Feeds = [_server.BaseUrl + "/feed-editable.xml"] };

    [Fact]
    public async Task A_recent_article_is_revisited_later_and_an_edit_becomes_a_new_version_of_the_same_id()
    {
        var crawler = Crawler();
        await crawler.CrawlAsync(Source(), CancellationToken.None);
        var first = Assert.Single(_publisher.Articles);

        await crawler.CrawlAsync(Source(), CancellationToken.None);
        Assert.Single(_publisher.Articles);
        Assert.Single(_server.Hits("/editable.html"));

        _time.Now += SourceCrawler.RevisitEvery + TimeSpan.FromMinutes(1);
        await crawler.CrawlAsync(Source(), CancellationToken.None);
        Assert.Single(_publisher.Articles);
        Assert.Equal(2, _server.Hits("/editable.html").Count);

        _server.EditableBody = "Bản đã sửa của bài viết.";
        _time.Now += SourceCrawler.RevisitEvery + TimeSpan.FromMinutes(1);
        await crawler.CrawlAsync(Source(), CancellationToken.None);

        Assert.Equal(2, _publisher.Articles.Count);
        var edited = _publisher.Articles[1];
        Assert.Equal(first.Id, edited.Id);
        Assert.NotEqual(first.ContentHash, edited.ContentHash);
        Assert.Contains("Bản đã sửa", edited.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_older_than_the_revisit_window_is_not_fetched_again()
    {
        var crawler = Crawler();
        await crawler.CrawlAsync(Source(), CancellationToken.None);

        _time.Now += SourceCrawler.RevisitWindow + TimeSpan.FromDays(1);
        await crawler.CrawlAsync(Source(), CancellationToken.None);

        Assert.Single(_server.Hits("/editable.html"));
    }
}
