using System.Text;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Bus;
using Monitor.Crawlers.Extraction;
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

/// <summary>Crawls one source: reads its feeds, fetches the pages not fetched before, extracts each into an
/// article and publishes it to the bus. A broken feed or page is one error line; the rest goes on.</summary>
public sealed class SourceCrawler(HttpFetcher fetcher, CrawlState state, IArticlePublisher publisher, TimeProvider time, ILogger<SourceCrawler> logger)
{
    public async Task<CrawlOutcome> CrawlAsync(SourceDefinition source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<string>();
        var items = new List<FeedItem>();
        foreach (var feed in source.Feeds)
        {
            try
            {
                var document = await fetcher.GetAsync(new Uri(feed), ct);
                items.AddRange(FeedReader.Read(document.Content, document.FinalUrl));
            }
            catch (Exception e) when (e is FetchException or FeedFormatException)
            {
                errors.Add(Report(source, e is FeedFormatException ? $"feed {feed}: {e.Message}" : e.Message));
            }
        }

        var byUrl = items.GroupBy(i => CanonicalUrl.Normalize(i.Link.ToString())).ToDictionary(g => g.Key, g => g.First());
        var published = 0;
        foreach (var url in await state.UnfetchedAsync(byUrl.Keys, ct))
        {
            var item = byUrl[url];
            try
            {
                var page = await fetcher.GetAsync(item.Link, ct);
                var article = ToArticle(source, item, page);
                await publisher.PublishAsync([article], ct);
                await state.MarkAsync(url, source.Name, "fetched", article.Id, ct);
                published++;
            }
            catch (Exception e) when (e is FetchException or ExtractionException)
            {
                errors.Add(Report(source, e.Message));
                await state.MarkAsync(url, source.Name, "failed", null, ct);
            }
        }

        if (items.Count > 0 || errors.Count == 0)
        {
            await state.RecordSuccessAsync(source.Name, published, ct);
        }

        if (errors.Count > 0)
        {
            await state.RecordErrorAsync(source.Name, errors[^1], ct);
        }

        logger.LogInformation("nguồn {Source}: {Found} bài trong feed, {New} bài mới", source.Name, byUrl.Count, published);
        return new CrawlOutcome(source.Name, byUrl.Count, published, errors);
    }

    private Article ToArticle(SourceDefinition source, FeedItem item, FetchedDocument page)
    {
        var extracted = ArticleExtractor.Extract(page.Content, page.FinalUrl);
        var title = extracted.Title ?? item.Title;
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(extracted.Text))
        {
            throw new ExtractionException($"{page.FinalUrl}: không tìm thấy bài viết trên trang (thiếu tiêu đề hoặc nội dung)");
        }

        var canonical = CanonicalUrl.Normalize(extracted.CanonicalUrl ?? page.FinalUrl.ToString());
        var text = extracted.Text.Normalize(NormalizationForm.FormC);
        return new Article
        {
            Id = ArticleId.FromCanonicalUrl(canonical),
            Url = page.Url.ToString(),
            CanonicalUrl = canonical,
            Outlet = source.Outlet,
            Section = extracted.Section,
            Title = title.Normalize(NormalizationForm.FormC),
            Description = extracted.Description?.Normalize(NormalizationForm.FormC),
            Text = text,
            Published = extracted.Published ?? item.Published,
            Modified = extracted.Modified,
            Author = extracted.Author,
            Language = extracted.Language ?? "vi",
            FetchedAt = time.GetUtcNow(),
            ContentHash = ArticleId.ContentHash(title, extracted.Description, text),
        };
    }

    private string Report(SourceDefinition source, string error)
    {
        logger.LogWarning("nguồn {Source}: {Error}", source.Name, error);
        return error;
    }
}

/// <summary>A page that holds no article the extractor can read.</summary>
public sealed class ExtractionException(string message) : Exception(message);
