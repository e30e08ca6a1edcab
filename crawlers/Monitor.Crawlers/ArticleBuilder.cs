using System.Text;
using Monitor.Core.Articles;
using Monitor.Crawlers.Extraction;
using Monitor.Crawlers.Feeds;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;

namespace Monitor.Crawlers;

/// <summary>Turns a fetched page into the article contract: extraction (with the source's profile), the feed's
/// title and date as fallbacks, the id from the canonical URL (rel=canonical first).</summary>
internal static class ArticleBuilder
{
    public static Article Build(SourceDefinition source, FeedItem item, FetchedDocument page, DateTimeOffset now)
    {
        var extracted = ArticleExtractor.Extract(page.Content, page.FinalUrl, source.Extraction);
        var title = extracted.Title ?? item.Title;
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(extracted.Text))
        {
            throw new ExtractionException($"{page.FinalUrl}: không tìm thấy bài viết trên trang (thiếu tiêu đề hoặc nội dung)");
        }

        var canonical = CanonicalOf(extracted.CanonicalUrl, page.FinalUrl);
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
            FetchedAt = now,
            ContentHash = ArticleId.ContentHash(title, extracted.Description, text),
        };
    }

    // A rel=canonical pointing at another site (a syndication partner, a CDN) would merge distinct outlets' copies:
    // it is trusted only on the page's own registrable host.
    private static string CanonicalOf(string? declared, Uri final)
    {
        if (declared is not null && Uri.TryCreate(final, declared, out var url) && SameSite(url.Host, final.Host))
        {
            try
            {
                return CanonicalUrl.Normalize(url.ToString());
            }
            catch (FormatException)
            {
                // fall through to the fetched address
            }
        }

        return CanonicalUrl.Normalize(final.ToString());
    }

    private static bool SameSite(string a, string b)
    {
        static string Strip(string host)
        {
            host = host.ToLowerInvariant();
            foreach (var prefix in new[] { "www.", "m.", "amp." })
            {
                if (host.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return host[prefix.Length..];
                }
            }

            return host;
        }

        var (x, y) = (Strip(a), Strip(b));
        return x == y || x.EndsWith("." + y, StringComparison.Ordinal) || y.EndsWith("." + x, StringComparison.Ordinal);
    }
}
