using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Crawlers;
using Monitor.Crawlers.Fetching;
using Monitor.Lab.SampleSite;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Queue;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench crawl: back-fills the built-in sample site served on 127.0.0.1 (robots.txt, feeds,
/// sitemap index, gzipped news sitemap, article pages) into a fresh store and the embedded queue, with the
/// politeness delay at 0 and per-host limits 1, 2 and 4, then once with the default politeness.</summary>
public static class CrawlBench
{
    public static async Task<int> RunAsync(int rounds, bool polite, CancellationToken ct)
    {
        await using var site = await SampleSiteServer.StartAsync(ct);
        var expected = site.Content.Articles.Count;
        Console.WriteLine($"bench crawl: sample site on {site.BaseUrl}, {site.Content.Outlets.Count} outlets, {expected} articles; back-fill of every outlet into a new store");
        // One round unmeasured first: JIT and the first store would otherwise count against the first configuration.
        var ok = await MeasureAsync(site, new FetchOptions { MinDelayPerHost = TimeSpan.Zero }, "", 1, expected, ct, quiet: true);
        foreach (var perHost in new[] { 1, 2, 4 })
        {
            var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, MaxConcurrencyPerHost = perHost };
            ok &= await MeasureAsync(site, options, $"delay 0, {perHost} per host, {rounds} rounds", rounds, expected, ct);
        }

        if (polite)
        {
            var defaults = new FetchOptions();
            ok &= await MeasureAsync(site, defaults, $"default politeness ({defaults.MinDelayPerHost.TotalSeconds:0} s, {defaults.MaxConcurrencyPerHost} per host), 1 round", 1, expected, ct);
        }

        Console.WriteLine($"  peak working set:  {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),8:N0} MiB");
        return ok ? 0 : 1;
    }

    /// <summary>Each round a new store: every article is new, as in a first back-fill.</summary>
    private static async Task<bool> MeasureAsync(SampleSiteServer site, FetchOptions options, string label, int rounds, int expected, CancellationToken ct, bool quiet = false)
    {
        var requests = 0L;
        var found = 0;
        var elapsed = TimeSpan.Zero;
        var ok = true;
        for (var round = 0; round < rounds; round++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "monitor-bench-crawl-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var db = await MonitorDatabase.OpenAsync(dir, ct);
                var state = new CrawlState(db, TimeProvider.System);
                using var counter = new RequestCounter(site.CreateHandler());
                using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
                var crawler = new SourceCrawler(new HttpFetcher(http, options, state, TimeProvider.System), state, new NearDuplicates(db, TimeProvider.System),
                    new SqliteArticlePublisher(new SqliteQueue(db, TimeProvider.System)), TimeProvider.System, NullLogger<SourceCrawler>.Instance);
                var published = 0;
                var clock = Stopwatch.StartNew();
                foreach (var source in site.Sources().Take(site.Content.Outlets.Count))
                {
                    var outcome = await crawler.BackfillAsync(source, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), null, ct);
                    published += outcome.Published;
                    ok &= outcome.Errors.Count == 0;
                }

                elapsed += clock.Elapsed;
                requests += counter.Count;
                found += published;
                ok &= published == expected;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }

        if (quiet)
        {
            return ok;
        }

        Console.WriteLine($"  {label,-48} {requests / elapsed.TotalSeconds,8:N1} pages/s  {found / elapsed.TotalSeconds,8:N1} articles/s  ({requests} requests, {found} articles found of {expected * rounds}, {elapsed.TotalSeconds:N2} s){(ok ? "" : "  MISMATCH")}");
        return ok;
    }

    /// <summary>Counts the HTTP requests the crawler sends (robots.txt, feeds, sitemaps, article pages).</summary>
    private sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
