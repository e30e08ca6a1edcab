using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Lab.SampleSite;
using Monitor.Crawlers.Sources;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.SampleSite;

public sealed class SampleSiteDiscoveryTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly CollectingPublisher _publisher = new();
    private SampleSiteServer _site = null!;
    private HttpClient _http = null!;
    private MonitorDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _site = await SampleSiteServer.StartAsync(CancellationToken.None);
        _http = new HttpClient(_site.CreateHandler());
        _db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private SourceCrawler Crawler()
    {
        var state = new CrawlState(_db, TimeProvider.System);
        var fetcher = new HttpFetcher(_http, new FetchOptions { MinDelayPerHost = TimeSpan.FromMilliseconds(20), MaxAttempts = 1 }, state, TimeProvider.System);
        return new SourceCrawler(fetcher, state, new NearDuplicates(_db, TimeProvider.System), _publisher, TimeProvider.System, NullLogger<SourceCrawler>.Instance);
    }

    private List<SampleArticle> ArticlesOf(string slug) => _site.Content.Articles.Where(a => a.Outlet == slug).ToList();

    [Fact]
    public async Task A_back_fill_through_the_sitemap_named_in_robots_txt_finds_every_article_once()
    {
        var source = new SourceDefinition { Name = "baokontum", Outlet = "Báo Kon Tum", Homepage = SampleSiteServer.HostOf("baokontum") + "/baokontum/" };

        var outcome = await Crawler().BackfillAsync(source, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), null, CancellationToken.None);

        Assert.Empty(outcome.Errors);
        Assert.Equal(ArticlesOf("baokontum").Select(SampleSiteServer.UrlOf).Order(), _publisher.Articles.Select(a => a.CanonicalUrl).Order());
    }

    [Fact]
    public async Task A_listing_back_fill_pages_back_to_the_date_and_stops_there()
    {
        var articles = ArticlesOf("kontumportal").OrderByDescending(a => a.Published).ToList();
        var since = articles[SampleSiteDiscovery.PageSize + 1].Published;
        var source = new SourceDefinition
        {
            Name = "kontumportal", Outlet = "Cổng", Homepage = SampleSiteServer.HostOf("unknown") + "/",
            Listings = [new ListingDefinition { Url = SampleSiteServer.HostOf("kontumportal") + SampleSiteDiscovery.ListingPath("kontumportal", 1), Links = "ul.tin a", Pattern = @"^http://[^/]+/[^/]+/[^/]+/[^/]+\.html" }],
        };
        var progress = new List<CrawlProgress>();

        var outcome = await Crawler().BackfillAsync(source, since, new SyncProgress(progress), CancellationToken.None);

        Assert.Empty(outcome.Errors);
        var found = _publisher.Articles.Select(a => a.CanonicalUrl).ToHashSet();
        Assert.All(articles.Where(a => a.Published >= since), a => Assert.Contains(SampleSiteServer.UrlOf(a), found));
        // The page holding the date is read whole, the pages after it are not.
        Assert.Equal(Math.Min(articles.Count, 2 * SampleSiteDiscovery.PageSize), found.Count);
        Assert.Equal(found.Count, progress[^1].Published);
    }

    [Fact]
    public async Task A_crawl_with_feed_sitemap_and_listing_of_one_outlet_publishes_each_article_once()
    {
        var slug = "kontumtv";
        var source = new SourceDefinition
        {
            Name = slug, Outlet = "Đài", Homepage = SampleSiteServer.HostOf(slug) + "/",
            Feeds = [SampleSiteServer.HostOf(slug) + "/" + slug + "/atom.xml"],
            Listings = [new ListingDefinition { Url = SampleSiteServer.HostOf(slug) + SampleSiteDiscovery.ListingPath(slug, 1), Links = "ul.tin a", Pattern = @"^http://[^/]+/[^/]+/[^/]+/[^/]+\.html" }],
        };

        await Crawler().BackfillAsync(source, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), null, CancellationToken.None);

        Assert.Equal(ArticlesOf(slug).Count, _publisher.Articles.Count);
        Assert.Equal(_publisher.Articles.Count, _publisher.Articles.Select(a => a.Id).Distinct().Count());
    }

    private sealed class SyncProgress(List<CrawlProgress> list) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value) => list.Add(value);
    }
}
