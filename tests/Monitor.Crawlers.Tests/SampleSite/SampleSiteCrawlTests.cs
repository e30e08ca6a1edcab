using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Lab.SampleSite;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.SampleSite;

public sealed class SampleSiteCrawlTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private SampleSiteServer _site = null!;
    private CrawlState _state = null!;
    private NearDuplicates _duplicates = null!;
    private readonly CollectingPublisher _publisher = new();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _site = await SampleSiteServer.StartAsync(CancellationToken.None);
        _http = new HttpClient(_site.CreateHandler());
        var db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        _state = new CrawlState(db, TimeProvider.System);
        _duplicates = new NearDuplicates(db, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private SourceCrawler Crawler(TimeSpan? timeout = null) =>
        new(new HttpFetcher(_http, new FetchOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10), MinDelayPerHost = TimeSpan.FromMilliseconds(20), MaxAttempts = 1 }, _state, TimeProvider.System), _state, _duplicates, _publisher, TimeProvider.System, NullLogger<SourceCrawler>.Instance);

    [Fact]
    public async Task Every_sample_article_is_found_once_with_its_title_date_author_and_body()
    {
        var crawler = Crawler();
        foreach (var source in _site.Sources().Take(_site.Content.Outlets.Count))
        {
            var outcome = await crawler.CrawlAsync(source, CancellationToken.None);
            Assert.Empty(outcome.Errors);
        }

        Assert.Equal(_site.Content.Articles.Count, _publisher.Articles.Count);
        Assert.Equal(_publisher.Articles.Count, _publisher.Articles.Select(a => a.Id).Distinct().Count());
        foreach (var expected in _site.Content.Articles)
        {
            var outlet = _site.Content.Outlets.Single(o => o.Slug == expected.Outlet);
            var article = Assert.Single(_publisher.Articles, a => a.CanonicalUrl == SampleSiteServer.UrlOf(expected));
            Assert.Equal(expected.Title, article.Title);
            Assert.Equal(outlet.Name, article.Outlet);
            // The portal's pages show only a minute-precise local date: the instant must still be exact.
            Assert.Equal(expected.Published, article.Published);
            foreach (var paragraph in expected.Paragraphs)
            {
                Assert.Contains(paragraph, article.Text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Tin liên quan", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Giấy phép", article.Text, StringComparison.Ordinal);
            if (outlet.Style != "plain" && expected.Author is not null)
            {
                Assert.Equal(expected.Author, article.Author);
            }
        }
    }

    [Fact]
    public async Task A_second_crawl_fetches_nothing_already_fetched()
    {
        var crawler = Crawler();
        var source = _site.Sources()[0];
        var first = await crawler.CrawlAsync(source, CancellationToken.None);
        var second = await crawler.CrawlAsync(source, CancellationToken.None);

        Assert.True(first.Published > 0);
        Assert.Equal(0, second.Published);
        Assert.Equal(first.Published, _publisher.Articles.Count);
    }

    [Fact]
    public async Task An_articles_near_duplicate_links_are_stored_before_it_is_published()
    {
        // Another outlet carried every story of the first source a little earlier (same text, other ids).
        var source = _site.Sources()[0];
        await Crawler().CrawlAsync(source, CancellationToken.None);
        using var other = new TempDir();
        var db = await MonitorDatabase.OpenAsync(other.Path, CancellationToken.None);
        var duplicates = new NearDuplicates(db, TimeProvider.System);
        foreach (var a in _publisher.Articles)
        {
            await duplicates.AddAsync("copy-" + a.Id, "Báo khác", Duplicates.SimHash.Of(a.Text), a.Published ?? a.FetchedAt, Duplicates.SimHash.Threshold, CancellationToken.None);
        }

        // A scaled-out tagger reads the links the moment it receives the article: they must be there when it is published.
        var seen = new List<(string Id, IReadOnlyList<string> Copied)>();
        var publisher = new Publishing(async (articles, ct) =>
        {
            var copied = await duplicates.CopiedAsync(articles.Select(a => a.Id).ToList(), ct);
            seen.AddRange(articles.Select(a => (a.Id, copied.TryGetValue(a.Id, out var of) ? of : (IReadOnlyList<string>)[])));
        });
        var state = new CrawlState(db, TimeProvider.System);
        var crawler = new SourceCrawler(new HttpFetcher(_http, new FetchOptions { MinDelayPerHost = TimeSpan.FromMilliseconds(20), MaxAttempts = 1 }, state, TimeProvider.System),
            state, duplicates, publisher, TimeProvider.System, NullLogger<SourceCrawler>.Instance);
        await crawler.CrawlAsync(source, CancellationToken.None);

        Assert.Equal(_publisher.Articles.Count, seen.Count);
        Assert.All(seen, s => Assert.Equal(["copy-" + s.Id], s.Copied));
    }

    /// <summary>A publisher that runs a check on every publish.</summary>
    private sealed class Publishing(Func<IReadOnlyList<Monitor.Core.Articles.Article>, CancellationToken, Task> publish) : Monitor.Core.Bus.IArticlePublisher
    {
        public Task PublishAsync(IReadOnlyList<Monitor.Core.Articles.Article> articles, CancellationToken ct) => publish(articles, ct);
    }

    [Theory]
    [InlineData("hong", "HTTP 404")]
    [InlineData("loi-xml", "không phải XML hợp lệ (dòng 1")]
    [InlineData("cham", "không nhận đủ trả lời trong 1 giây")]
    public async Task A_broken_source_is_one_error_line_naming_the_address_and_is_recorded_in_source_health(string name, string reason)
    {
        var source = _site.Sources().Single(s => s.Name == name);

        var outcome = await Crawler(TimeSpan.FromSeconds(1)).CrawlAsync(source, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(SampleSiteServer.HostOf(name) + "/" + name, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.Empty(_publisher.Articles);
        var health = Assert.Single(await _state.HealthAsync(CancellationToken.None));
        Assert.Equal(error, health.LastError);
    }
}
