using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers.Fetching;
using Monitor.Lab.SampleSite;
using Monitor.Crawlers.Sources;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.SampleSite;

/// <summary>A source's article pages are fetched side by side up to its per-host limit, never beyond, and the
/// minimum delay between two starts on one host still holds.</summary>
public sealed class ConcurrentCrawlTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly CollectingPublisher _publisher = new();
    private SampleSiteServer _site = null!;
    private MonitorDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _site = await SampleSiteServer.StartAsync(CancellationToken.None);
        _db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _dir.Dispose();
    }

    private async Task BackfillEveryOutletAsync(InFlightCounter counter, PolitenessOverrides politeness)
    {
        using var http = new HttpClient(counter);
        var state = new CrawlState(_db, TimeProvider.System);
        var fetcher = new HttpFetcher(http, new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 1 }, state, TimeProvider.System);
        var crawler = new SourceCrawler(fetcher, state, new NearDuplicates(_db, TimeProvider.System), _publisher, TimeProvider.System, NullLogger<SourceCrawler>.Instance);
        foreach (var outlet in _site.Content.Outlets)
        {
            // Discovery through robots.txt → sitemap index → gzipped news sitemap: only article pages end in .html.
            var source = new SourceDefinition { Name = outlet.Slug, Outlet = outlet.Name, Homepage = SampleSiteServer.HostOf(outlet.Slug) + "/" + outlet.Slug + "/", Politeness = politeness };
            var outcome = await crawler.BackfillAsync(source, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), null, CancellationToken.None);
            Assert.Empty(outcome.Errors);
        }
    }

    private void AssertEveryArticleOnce() =>
        Assert.Equal(_site.Content.Articles.Select(SampleSiteServer.UrlOf).Order(StringComparer.Ordinal), _publisher.Articles.Select(a => a.CanonicalUrl).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_back_fill_has_as_many_article_requests_in_flight_on_one_host_as_the_source_allows_and_finds_every_article_once(int concurrency)
    {
        // Each article request is held until the limit is reached (or a while): the crawler's peak shows, never the
        // server's speed. With a limit of 1 the hold is a short latency in which a second request would show.
        var counter = new InFlightCounter(_site.CreateHandler(), holdUntil: concurrency == 1 ? 2 : concurrency, hold: TimeSpan.FromMilliseconds(concurrency == 1 ? 30 : 500));

        await BackfillEveryOutletAsync(counter, new PolitenessOverrides { MaxConcurrency = concurrency, MinDelaySeconds = 0 });

        AssertEveryArticleOnce();
        Assert.All(counter.PeakByHost, p => Assert.InRange(p.Value, 1, concurrency));
        Assert.Equal(concurrency, counter.PeakByHost.Values.Max());
    }

    [Fact]
    public async Task Concurrent_article_requests_to_one_host_still_start_the_minimum_delay_apart()
    {
        var counter = new InFlightCounter(_site.CreateHandler(), holdUntil: 3, hold: TimeSpan.FromMilliseconds(500));

        await BackfillEveryOutletAsync(counter, new PolitenessOverrides { MaxConcurrency = 3, MinDelaySeconds = 0.15 });

        AssertEveryArticleOnce();
        Assert.True(counter.PeakByHost.Values.Max() > 1, "article requests overlapped");
        foreach (var starts in counter.StartsByHost.Values)
        {
            // The exact spacing of two starts is the gate's test (HttpFetcherTests, on the gate's own clock); here the
            // crawler's concurrent requests must go through the gate: n starts spread over about n - 1 delays of 150 ms,
            // not the bunches three requests in flight would make without it. A reading taken late on a loaded machine
            // moves one start, not the whole span.
            var ordered = starts.Order().ToList();
            var span = ordered[^1] - ordered[0];
            Assert.True(span >= TimeSpan.FromMilliseconds(100 * (ordered.Count - 1)), $"{ordered.Count} starts over {span.TotalMilliseconds} ms");
        }
    }

    /// <summary>Counts requests in flight per host (the peak, and when each article request started); holds each
    /// article request until <c>holdUntil</c> are in flight on its host, or <c>hold</c> has passed.</summary>
    private sealed class InFlightCounter(HttpMessageHandler inner, int holdUntil, TimeSpan hold) : DelegatingHandler(inner)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Dictionary<string, int> PeakByHost { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<TimeSpan>> StartsByHost { get; } = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!;
            if (!url.AbsolutePath.EndsWith(".html", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Task reached;
            lock (_lock)
            {
                var running = _running[url.Host] = _running.GetValueOrDefault(url.Host) + 1;
                PeakByHost[url.Host] = Math.Max(PeakByHost.GetValueOrDefault(url.Host), running);
                (StartsByHost.TryGetValue(url.Host, out var starts) ? starts : StartsByHost[url.Host] = []).Add(_clock.Elapsed);
                if (running >= holdUntil)
                {
                    _reached.TrySetResult();
                    _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    reached = Task.CompletedTask;
                }
                else
                {
                    reached = _reached.Task;
                }
            }

            try
            {
                await Task.WhenAny(reached, Task.Delay(hold, cancellationToken));
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                lock (_lock)
                {
                    _running[url.Host]--;
                }
            }
        }
    }
}
