using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Bus;
using Monitor.Crawlers.Discovery;
using Monitor.Crawlers.Duplicates;
using Monitor.Crawlers.Feeds;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;
using Monitor.Storage.Crawl;

namespace Monitor.Crawlers;

/// <summary>What one crawl of one source did.</summary>
public sealed record CrawlOutcome(string Source, int Discovered, int Published, IReadOnlyList<string> Errors)
{
    public bool Failed => Errors.Count > 0 && Published == 0 && Discovered == 0;
}

/// <summary>Progress of a crawl: pages done out of pages known so far.</summary>
public readonly record struct CrawlProgress(string Source, int Done, int Known, int Published);

/// <summary>Crawls one source: discovers article URLs (feeds, sitemaps and robots.txt Sitemap lines, listing pages),
/// fetches those the frontier has not fetched, revisits recent ones to catch edits, extracts each into an article,
/// publishes it and links near-duplicates. A broken feed or page is one error line; the rest goes on.</summary>
public sealed class SourceCrawler(HttpFetcher fetcher, CrawlState state, NearDuplicates duplicates, IArticlePublisher publisher, TimeProvider time, ILogger<SourceCrawler> logger)
{
    /// <summary>Articles published this recently are looked at again...</summary>
    public static readonly TimeSpan RevisitWindow = TimeSpan.FromDays(3);

    /// <summary>...once this long after the last look.</summary>
    public static readonly TimeSpan RevisitEvery = TimeSpan.FromHours(6);

    /// <summary>A scheduled run reads sitemaps entries this recent; a back-fill reads back to its date.</summary>
    private static readonly TimeSpan RecentSitemapEntries = TimeSpan.FromDays(3);

    private static readonly TimeSpan RegexTimeout = ListingReader.PatternTimeout;

    private HttpFetcher Fetcher { get; } = fetcher;
    private CrawlState State { get; } = state;
    private NearDuplicates Duplicates { get; } = duplicates;
    private IArticlePublisher Publisher { get; } = publisher;
    private TimeProvider Time { get; } = time;
    private ILogger<SourceCrawler> Logger { get; } = logger;

    public Task<CrawlOutcome> CrawlAsync(SourceDefinition source, CancellationToken ct) => GuardedAsync(source, null, null, ct);

    /// <summary>Reads the source back to <paramref name="since"/>: every sitemap entry since then and the listing pages
    /// until a page holds nothing newer.</summary>
    public Task<CrawlOutcome> BackfillAsync(SourceDefinition source, DateTimeOffset since, IProgress<CrawlProgress>? progress, CancellationToken ct) =>
        GuardedAsync(source, since, progress, ct);

    /// <summary>Any failure of one source is that source's error (one warning line, a health event), never the end of
    /// the run: the sources after it are still crawled. Only cancellation goes through.</summary>
    private async Task<CrawlOutcome> GuardedAsync(SourceDefinition source, DateTimeOffset? since, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        try
        {
            return await RunAsync(source, since, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = ErrorText.Cap($"nguồn {source.Name} dừng vì lỗi không lường trước ({e.GetType().Name}): {e.Message}");
            Logger.LogWarning("{Error}", message);
            await State.RecordEventAsync(source.Name, "crash", message, CancellationToken.None);
            await State.RecordErrorAsync(source.Name, message, CancellationToken.None);
            return new CrawlOutcome(source.Name, 0, 0, [message]);
        }
    }

    private async Task<CrawlOutcome> RunAsync(SourceDefinition source, DateTimeOffset? since, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Recorded first, so that a source broken from its first run (no article, hence no outlet to infer) still stands
        // beside its outlet's gaps.
        await State.RecordOutletAsync(source.Name, source.Outlet, ct);
        // A scheduled run stops after its page budget; what is left waits in the frontier ("pending") for the next.
        // A back-fill is asked for by hand and reads as far as its date.
        using var run = new Run(this, source, since, progress, since is null ? Fetcher.PagesPerRunFor(source.Politeness) : null);
        var items = new List<FeedItem>();
        foreach (var feed in source.Feeds)
        {
            await run.Try(feed, async () =>
            {
                var document = await Fetcher.GetAsync(new Uri(feed), FetchKind.Feed, source.Politeness, ct);
                if (!document.NotModified)
                {
                    items.AddRange(FeedReader.Read(document.Content, document.FinalUrl));
                }
            });
        }

        items.AddRange(await SitemapItemsAsync(run, ct));
        run.Known += items.Count;
        await run.FetchAsync(items, ct);
        foreach (var listing in source.Listings)
        {
            await ListingAsync(run, listing, ct);
        }

        await BacklogAsync(run, ct);
        await RevisitAsync(run, ct);
        if (run.Published > 0 || run.Discovered > 0 || run.Errors.Count == 0)
        {
            await State.RecordSuccessAsync(source.Name, run.Published, ct);
        }

        if (run.Errors.Count > 0)
        {
            await State.RecordErrorAsync(source.Name, run.Errors[^1], ct);
        }

        Logger.LogInformation("nguồn {Source}: {Found} địa chỉ bài, {New} bài mới hoặc đã sửa, {Errors} lỗi", source.Name, run.Discovered, run.Published, run.Errors.Count);
        return new CrawlOutcome(source.Name, run.Discovered, run.Published, run.Errors);
    }

    private async Task<List<FeedItem>> SitemapItemsAsync(Run run, CancellationToken ct)
    {
        var queue = new Queue<(Uri Url, int Depth)>(run.Source.Sitemaps.Select(s => (new Uri(s), 0)));
        foreach (var start in run.Source.Feeds.Concat(run.Source.Sitemaps).Append(run.Source.Homepage).OfType<string>()
                     .Select(u => new Uri(u)).DistinctBy(u => u.Authority))
        {
            var robots = await Fetcher.RobotsAsync(start, ct);
            foreach (var line in robots.Sitemaps)
            {
                if (Uri.TryCreate(line, UriKind.Absolute, out var url) && !run.Source.Sitemaps.Contains(line))
                {
                    queue.Enqueue((url, 0));
                }
            }
        }

        var cutoff = run.Since ?? Time.GetUtcNow() - RecentSitemapEntries;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<FeedItem>();
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next.Url.ToString()))
            {
                continue;
            }

            await run.Try(next.Url.ToString(), async () =>
            {
                var document = await Fetcher.GetAsync(next.Url, FetchKind.Sitemap, run.Source.Politeness, ct);
                if (document.NotModified)
                {
                    return;
                }

                var sitemap = SitemapReader.Read(document.Content, document.FinalUrl);
                items.AddRange(sitemap.Pages.Where(p => p.Published is null || p.Published >= cutoff));
                foreach (var child in sitemap.Children.Where(c => next.Depth < 3 && (c.LastModified is null || c.LastModified >= cutoff)))
                {
                    queue.Enqueue((child.Url, next.Depth + 1));
                }
            });
        }

        return items;
    }

    private async Task ListingAsync(Run run, ListingDefinition listing, CancellationToken ct)
    {
        var pages = run.Since is null ? 1 : listing.MaxPages;
        var url = new Uri(listing.Url);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; number <= pages && url is not null; number++)
        {
            ListingPage? page = null;
            var current = url;
            await run.Try(current.ToString(), async () =>
            {
                var document = await Fetcher.GetAsync(current, FetchKind.Page, run.Source.Politeness, ct);
                page = ListingReader.Read(document.Content, document.FinalUrl, listing, number);
            });
            if (page is null || page.Articles.Count == 0 || !page.Articles.Any(a => seen.Add(a.ToString())))
            {
                break;
            }

            run.Known += page.Articles.Count;
            await run.FetchAsync(page.Articles.Select(a => new FeedItem(a, null, null)).ToList(), ct);
            if (run.Since is { } since)
            {
                var dates = await State.PublishedAsync(page.Articles.Select(a => CanonicalUrl.Normalize(a.ToString())), ct);
                if (dates.Values.Any(d => d < since))
                {
                    break;
                }
            }

            url = page.Next;
        }
    }

    /// <summary>Pages an earlier run found but left for lack of budget, oldest first, with what budget is left.</summary>
    private async Task BacklogAsync(Run run, CancellationToken ct)
    {
        if (run.Left is not > 0)
        {
            return;
        }

        var pending = await State.PendingAsync(run.Source.Name, run.Left.Value, ct);
        await run.FetchAllAsync(pending.Select(url => (url, new FeedItem(new Uri(url), null, null), (string?)null)).ToList(), ct);
    }

    private async Task RevisitAsync(Run run, CancellationToken ct)
    {
        if (run.Left is 0)
        {
            return;
        }

        var due = await State.DueForRevisitAsync(run.Source.Name, RevisitWindow, RevisitEvery, Math.Min(50, run.Left ?? 50), ct);
        await run.FetchAllAsync(due.Select(d => (d.Url, new FeedItem(new Uri(d.Url), null, null), d.ContentHash)).ToList(), ct);
    }

    /// <summary>The state of one crawl of one source. Article pages are fetched by up to the source's per-host limit
    /// of workers at once (the fetcher's <see cref="HostGate"/> still spaces their starts by the minimum delay);
    /// what a page gives is recorded, published and counted one page at a time (in the order pages finish), as in a
    /// crawl with one worker.</summary>
    private sealed class Run(SourceCrawler crawler, SourceDefinition source, DateTimeOffset? since, IProgress<CrawlProgress>? progress, int? budget) : IDisposable
    {
        /// <summary>Pages this run may still fetch; null when it has no budget (a back-fill).</summary>
        public int? Left { get; private set; } = budget;

        public SourceDefinition Source { get; } = source;
        public DateTimeOffset? Since { get; } = since;
        public List<string> Errors { get; } = [];
        public int Discovered { get; private set; }
        public int Published { get; private set; }
        public int Known { get; set; }
        private int _done;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        // Held while a fetched page is recorded: publishers need not be thread-safe, and counters, errors and
        // progress change under it only.
        private readonly SemaphoreSlim _record = new(1, 1);

        public async Task FetchAsync(IReadOnlyList<FeedItem> items, CancellationToken ct)
        {
            var byUrl = new Dictionary<string, FeedItem>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (TryCanonical(item.Link, out var url) && _seen.Add(url))
                {
                    byUrl.TryAdd(url, item);
                }
            }

            Discovered += byUrl.Count;
            var fresh = await crawler.State.UnfetchedAsync(byUrl.Keys, ct);
            _done += byUrl.Count - fresh.Count;
            if (Left is { } left && fresh.Count > left)
            {
                await crawler.State.MarkPendingAsync(fresh.Skip(left), Source.Name, ct);
                _done += fresh.Count - left;
                fresh = fresh.Take(left).ToList();
            }

            Report();
            await FetchAllAsync(fresh.Select(url => (url, byUrl[url], (string?)null)).ToList(), ct);
        }

        /// <summary>Fetches the pages with as many workers as the source may have requests on one host; returns when
        /// all are done. Cancellation stops the workers; a bug in one stops the others and is thrown.</summary>
        public async Task FetchAllAsync(IReadOnlyList<(string Url, FeedItem Item, string? PreviousHash)> pages, CancellationToken ct)
        {
            Left -= pages.Count;
            var workers = Math.Min(crawler.Fetcher.ConcurrencyFor(Source.Politeness), Math.Max(1, pages.Count));
            await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct },
                async (page, token) => await FetchOneAsync(page.Url, page.Item, page.PreviousHash, token));
        }

        private async Task FetchOneAsync(string url, FeedItem item, string? previousHash, CancellationToken ct)
        {
            // Fetch and extract outside the lock: that is the slow part, and the part that may run side by side.
            Article? article = null;
            string? failure = null, failureKind = null, finalUrl = null;
            try
            {
                var page = await crawler.Fetcher.GetAsync(item.Link, FetchKind.Page, Source.Politeness, ct);
                finalUrl = page.FinalUrl.ToString();
                article = ArticleBuilder.Build(Source, item, page, crawler.Time.GetUtcNow());
            }
            catch (FetchException e)
            {
                (failure, failureKind) = (e.Message, e.Kind);
            }
            catch (ExtractionException e)
            {
                (failure, failureKind) = (e.Message, e.Kind);
            }

            await _record.WaitAsync(ct);
            try
            {
                if (article is null)
                {
                    Fail(failure!);
                    await crawler.State.RecordEventAsync(Source.Name, failureKind!, ErrorText.Cap(failure!), ct);
                    await crawler.State.MarkFailedAsync(url, Source.Name, ct);
                }
                else
                {
                    if (article.Published is null)
                    {
                        await crawler.State.RecordEventAsync(Source.Name, "extraction-no-date", finalUrl, ct);
                    }

                    if (article.ContentHash != previousHash)
                    {
                        // Links first: a scaled-out tagger writes the article's duplicate_of from them as soon as it
                        // reads the message (docs/elasticsearch.md). A publish that then fails is retried with the next
                        // crawl, and the links (kept, never duplicated) wait for it.
                        await crawler.Duplicates.AddAsync(article.Id, article.Outlet, SimHash.Of(article.Text), article.Published ?? article.FetchedAt, SimHash.Threshold, ct);
                        await crawler.Publisher.PublishAsync([article], ct);
                        Published++;
                    }

                    await crawler.State.MarkFetchedAsync(url, Source.Name, article.Id, article.Published, article.ContentHash, ct);
                }

                _done++;
                Report();
            }
            finally
            {
                _record.Release();
            }
        }

        /// <summary>Runs one discovery step; a failure becomes one error line and a health event.</summary>
        public async Task Try(string what, Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (FetchException e)
            {
                Fail(e.Message);
                await crawler.State.RecordEventAsync(Source.Name, e.Kind, ErrorText.Cap(e.Message), CancellationToken.None);
            }
            catch (FeedFormatException e)
            {
                Fail($"{what}: {e.Message}");
                await crawler.State.RecordEventAsync(Source.Name, "format", ErrorText.Cap($"{what}: {e.Message}"), CancellationToken.None);
            }
            catch (RegexMatchTimeoutException)
            {
                var message = $"{what}: mẫu 'pattern' của trang danh sách chạy quá {RegexTimeout.TotalSeconds:0} giây trên một địa chỉ; hãy viết lại mẫu";
                Fail(message);
                await crawler.State.RecordEventAsync(Source.Name, "format", ErrorText.Cap(message), CancellationToken.None);
            }
        }

        public void Dispose() => _record.Dispose();

        private void Fail(string message)
        {
            message = ErrorText.Cap(message);
            crawler.Logger.LogWarning("nguồn {Source}: {Error}", Source.Name, message);
            Errors.Add(message);
        }

        private void Report() => progress?.Report(new CrawlProgress(Source.Name, _done, Math.Max(Known, _done), Published));

        private static bool TryCanonical(Uri link, out string url)
        {
            try
            {
                url = CanonicalUrl.Normalize(link.ToString());
                return true;
            }
            catch (FormatException)
            {
                url = "";
                return false;
            }
        }
    }
}

/// <summary>A page that holds no article the extractor can read (<see cref="Kind"/> "extraction-empty"), or one past
/// the <see cref="Extraction.PageLimits"/> ("extraction-limit").</summary>
public sealed class ExtractionException(string message, string kind = "extraction-empty") : Exception(message)
{
    /// <summary>The kind of crawl event the failure is recorded as in source health.</summary>
    public string Kind { get; } = kind;
}
