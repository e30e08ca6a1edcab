using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monitor.Lab.SampleSite;

/// <summary>The discovery side of the sample site, per outlet host ("baokontum.monitor.test"): robots.txt with a
/// Sitemap line and a disallowed /noi-bo/ folder, a sitemap index, a gzipped news sitemap, and listing pages of
/// <see cref="PageSize"/> articles, newest first, linked by "Trang sau".</summary>
public static class SampleSiteDiscovery
{
    public const int PageSize = 4;

    public static string ListingPath(string slug, int page) => $"/{slug}/trang-{page}.html";

    internal static void Map(WebApplication app, SampleSiteContent content)
    {
        string Base(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}";
        var slugs = content.Outlets.Select(o => o.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string? Slug(HttpContext c) => c.Request.Host.Host.Split('.')[0] is var first && slugs.Contains(first) && c.Request.Host.Host.EndsWith("." + SampleSiteServer.Domain, StringComparison.OrdinalIgnoreCase) ? first : null;

        app.MapGet("/robots.txt", (HttpContext c) => Slug(c) is { } slug
            ? Results.Text($"User-agent: *\nDisallow: /{slug}/noi-bo/\n\nSitemap: {Base(c)}/{slug}/sitemap-index.xml\n", "text/plain")
            : Results.NotFound());
        foreach (var outlet in content.Outlets)
        {
            var articles = content.Articles.Where(a => a.Outlet == outlet.Slug).OrderByDescending(a => a.Published).ToList();
            app.MapGet($"/{outlet.Slug}/sitemap-index.xml", (HttpContext c) => Results.Text(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>{Base(c)}/{outlet.Slug}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>",
                "application/xml"));
            app.MapGet($"/{outlet.Slug}/sitemap-news.xml.gz", (HttpContext c) => Results.Bytes(Gzip(NewsSitemap(articles, Base(c))), "application/x-gzip"));
            var pages = (articles.Count + PageSize - 1) / PageSize;
            for (var page = 1; page <= pages; page++)
            {
                var number = page;
                app.MapGet(ListingPath(outlet.Slug, page), (HttpContext c) => Results.Text(Listing(outlet, articles, number, pages), "text/html; charset=utf-8"));
            }
        }
    }

    private static string NewsSitemap(IEnumerable<SampleArticle> articles, string baseUrl)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        foreach (var a in articles)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<url><loc>{baseUrl}{SampleSiteRenderer.ArticlePath(a)}</loc><news:news><news:publication_date>{a.Published:yyyy-MM-dd'T'HH:mm:sszzz}</news:publication_date></news:news></url>");
        }

        return xml.Append("</urlset>").ToString();
    }

    private static string Listing(SampleOutlet outlet, List<SampleArticle> articles, int page, int pages)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{outlet.Name} - trang {page}</title></head><body><nav><a href=\"/{outlet.Slug}/\">Trang chủ</a></nav><ul class=\"tin\">");
        foreach (var a in articles.Skip((page - 1) * PageSize).Take(PageSize))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{SampleSiteRenderer.ArticlePath(a)}?utm_source=listing\">{System.Net.WebUtility.HtmlEncode(a.Title)}</a></li>");
        }

        html.Append("</ul>");
        if (page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"phan-trang\"><a href=\"{ListingPath(outlet.Slug, page + 1)}\">Trang sau</a></div>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
