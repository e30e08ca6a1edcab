using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Monitor.Crawlers.Feeds;

namespace Monitor.Crawlers.Discovery;

/// <summary>What one sitemap holds: page entries (urlset) or further sitemaps (sitemapindex).</summary>
public sealed record Sitemap(IReadOnlyList<FeedItem> Pages, IReadOnlyList<SitemapRef> Children);

/// <summary>A child of a sitemap index, with its lastmod when given.</summary>
public sealed record SitemapRef(Uri Url, DateTimeOffset? LastModified);

/// <summary>Reads XML sitemaps, sitemap indexes and Google news sitemaps (news:publication_date, news:title).
/// A page's date is the news publication date, else its lastmod.</summary>
public static class SitemapReader
{
    public static Sitemap Read(string xml, Uri sitemapUrl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            document = Feeds.FeedReader.Parse(xml);
        }
        catch (XmlException e)
        {
            // The parser's own words (e.Message) are English; the line and column are what a user needs to look.
            throw new FeedFormatException($"sitemap không phải XML hợp lệ (dòng {e.LineNumber}, cột {e.LinePosition})", e);
        }

        var root = document.Root ?? throw new FeedFormatException("sitemap rỗng");
        switch (root.Name.LocalName)
        {
            case "sitemapindex":
                var children = root.Elements().Where(e => e.Name.LocalName == "sitemap")
                    .Select(e => Resolve(sitemapUrl, Child(e, "loc")) is { } u ? new SitemapRef(u, Date(Child(e, "lastmod"))) : null)
                    .OfType<SitemapRef>().ToList();
                return new Sitemap([], children);
            case "urlset":
                var pages = root.Elements().Where(e => e.Name.LocalName == "url").Select(e =>
                {
                    var news = e.Elements().FirstOrDefault(c => c.Name.LocalName == "news");
                    var date = Date(news is null ? null : Child(news, "publication_date")) ?? Date(Child(e, "lastmod"));
                    return Resolve(sitemapUrl, Child(e, "loc")) is { } u ? new FeedItem(u, news is null ? null : Child(news, "title"), date) : null;
                }).OfType<FeedItem>().ToList();
                return new Sitemap(pages, []);
            default:
                throw new FeedFormatException($"phần tử gốc <{root.Name.LocalName}> không phải sitemap");
        }
    }

    private static string? Child(XElement e, string localName) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static Uri? Resolve(Uri baseUrl, string? link) =>
        link is not null && Uri.TryCreate(baseUrl, link, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static DateTimeOffset? Date(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
