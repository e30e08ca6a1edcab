using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Monitor.Crawlers.Sources;

namespace Monitor.Crawlers.Discovery;

/// <summary>One listing page read: the article links on it, in page order, and the next page when there is one.</summary>
public sealed record ListingPage(IReadOnlyList<Uri> Articles, Uri? Next);

/// <summary>Reads a section page: article links (by the listing's selector and pattern, same host by default) and
/// the next page (the listing's page template, its "next" selector, else rel=next or a "Trang sau"/"»" link).</summary>
public static class ListingReader
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] NextWords = ["trang sau", "tiếp", "sau »", "»", "›", "next", "xem thêm"];

    /// <summary>How long a listing's pattern may run on one link (patterns come from the sources file).</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static ListingPage Read(string html, Uri pageUrl, ListingDefinition listing, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var document = Parser.ParseDocument(html);
        var pattern = listing.Pattern is null ? null : new Regex(listing.Pattern, RegexOptions.IgnoreCase, PatternTimeout);
        var listingUrl = new Uri(listing.Url);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var articles = new List<Uri>();
        foreach (var link in document.QuerySelectorAll(listing.Links))
        {
            if (link.GetAttribute("href") is not { } href || !Uri.TryCreate(pageUrl, href.Trim(), out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            url = new UriBuilder(url) { Fragment = "" }.Uri;
            var text = url.ToString();
            var isArticle = pattern is not null
                ? pattern.IsMatch(text)
                : string.Equals(url.Host, pageUrl.Host, StringComparison.OrdinalIgnoreCase) && url.AbsolutePath != listingUrl.AbsolutePath && url.AbsolutePath.Length > 1;
            if (isArticle && seen.Add(text))
            {
                articles.Add(url);
            }
        }

        return new ListingPage(articles, NextPage(document, pageUrl, listing, pageNumber));
    }

    private static Uri? NextPage(AngleSharp.Html.Dom.IHtmlDocument document, Uri pageUrl, ListingDefinition listing, int pageNumber)
    {
        if (listing.PageUrl is { } template)
        {
            return new Uri(template.Replace("{page}", (pageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var next = listing.Next is { } selector
            ? document.QuerySelector(selector)
            : document.QuerySelector("link[rel=next], a[rel=next]")
              ?? document.QuerySelectorAll("a[href]").FirstOrDefault(a => NextWords.Contains(a.TextContent.Trim().ToLowerInvariant()));
        return next?.GetAttribute("href") is { } href && Uri.TryCreate(pageUrl, href, out var url) && url != pageUrl ? url : null;
    }
}
