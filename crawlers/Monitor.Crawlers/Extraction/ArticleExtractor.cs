using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Crawlers.Extraction;

/// <summary>Reads an article page: structured metadata first (JSON-LD, Open Graph, meta), then the visible page
/// (dates such as "Thứ Hai, 18/11/2024 - 08:30", the lead, the main text block).</summary>
public static class ArticleExtractor
{
    private static readonly string[] PublishedMeta =
        ["article:published_time", "datePublished", "og:published_time", "pubdate", "publishdate", "publish-date",
            "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date", "date"];

    // One parser per thread: crawler workers extract in parallel and the parser is not documented as thread-safe.
    // The guard of the page being parsed on this thread sees every token the parser reads.
    [ThreadStatic]
    private static HtmlParser? _parser;

    [ThreadStatic]
    private static PageGuard? _guard;

    /// <summary>Extracts one page. Never throws for odd markup: what cannot be found stays null or empty. A profile's
    /// selectors, when given and matching, win over the generic rules field by field. A page nested deeper or read
    /// longer than <paramref name="limits"/> allow (default <see cref="PageLimits.Default"/>) throws
    /// <see cref="ExtractionException"/>.</summary>
    public static ExtractedPage Extract(string html, Uri? url = null, ExtractionProfile? profile = null, PageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        _parser ??= new HtmlParser(new HtmlParserOptions { OnToken = (token, _) => _guard?.OnToken(token) });
        var guard = new PageGuard(limits ?? PageLimits.Default, url);
        _guard = guard;
        AngleSharp.Html.Dom.IHtmlDocument parsed;
        try
        {
            parsed = _parser.ParseDocument(html);
        }
        finally
        {
            _guard = null;
        }

        using var document = parsed;
        guard.CheckTime();
        var page = Read(document, url, profile);
        guard.CheckTime();
        return page;
    }

    private static ExtractedPage Read(AngleSharp.Dom.IDocument document, Uri? url, ExtractionProfile? profile)
    {
        var ld = JsonLd.FindArticle(document);
        var title = Selected(document, profile?.Title) ?? PageTitle.Find(document, ld?.Headline is { } headline ? Clean(headline) : null);
        var lead = Selected(document, profile?.Lead) ?? Lead.Find(document, title);
        var text = profile?.Body is { Length: > 0 } bodySelector && MainText.FromSelector(document, bodySelector, title) is { Length: > 0 } profiled
            ? profiled
            : MainText.Find(document, title);
        if (lead is not null && !text.Contains(lead, StringComparison.Ordinal))
        {
            text = text.Length == 0 ? lead : lead + "\n" + text;
        }

        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(ld?.Body))
        {
            text = Clean(ld.Body);
        }

        return new ExtractedPage
        {
            Title = title,
            Published = SelectedDate(document, profile?.Date) ?? ld?.Published ?? PageDates.FromMeta(document, PublishedMeta)
                ?? SelectedDate(document, "[itemprop=datePublished]") ?? PageDates.FromTimeElement(document) ?? PageDates.FromVisibleText(document),
            Modified = ld?.Modified ?? PageDates.FromMeta(document, "article:modified_time", "dateModified", "og:updated_time", "last-modified"),
            Author = First(Selected(document, profile?.Author), ld?.Author, Meta(document, "author"), Meta(document, "article:author")),
            Section = First(Selected(document, profile?.Section), ld?.Section, Meta(document, "article:section")),
            Tags = Tags(document, ld),
            Description = First(ld?.Description, Meta(document, "og:description"), Meta(document, "description")),
            Lead = lead,
            Text = text,
            Language = Language(document),
            CanonicalUrl = Canonical(document, url),
            Images = PageImages.Find(document, url),
        };
    }

    internal static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.Head?.Children ?? document.QuerySelectorAll("meta"))
        {
            if (meta.LocalName != "meta")
            {
                continue;
            }

            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return Clean(content);
            }
        }

        return null;
    }

    /// <summary>Whitespace collapsed, entities decoded (JSON-LD and meta values often carry "&amp;#8217;"), NFC.</summary>
    public static string Clean(string value)
    {
        if (value.Contains('&', StringComparison.Ordinal))
        {
            value = System.Net.WebUtility.HtmlDecode(value);
        }

        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize();
    }

    private static List<string> Tags(IDocument document, JsonLd? ld)
    {
        var tags = new List<string>(ld?.Keywords ?? []);
        foreach (var meta in document.QuerySelectorAll("meta[property='article:tag'], meta[name='news_keywords'], meta[name='keywords']"))
        {
            tags.AddRange((meta.GetAttribute("content") ?? "").Split(',', ';'));
        }

        return tags.Select(Clean).Where(t => t.Length is > 0 and < 80).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? Language(IDocument document) =>
        First(document.DocumentElement.GetAttribute("lang"), Meta(document, "og:locale"), Meta(document, "content-language"))
            ?.Split('-', '_')[0].ToLowerInvariant();

    private static string? Canonical(IDocument document, Uri? url)
    {
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        return Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.ToString()
            : url is not null && Uri.TryCreate(url, href.Trim(), out var relative) ? relative.ToString() : null;
    }

    private static string? Selected(IDocument document, string? selector) =>
        TrySelect(document, selector) is { } element && Clean(element.TextContent) is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? SelectedDate(IDocument document, string? selector) =>
        TrySelect(document, selector) is { } e
            ? PageDates.Parse(e.GetAttribute("datetime") ?? e.GetAttribute("content")) ?? PageDates.FromVietnamese(e.TextContent)
            : null;

    /// <summary>A profile's selector that does not parse is a configuration error the sources validation reports;
    /// here it only means "no match", so one bad selector never stops a crawl.</summary>
    internal static IElement? TrySelect(IDocument document, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            return document.QuerySelector(selector);
        }
        catch (DomException)
        {
            return null;
        }
    }

    private static string? First(params string?[] values) =>
        values.Select(v => v is null ? null : Clean(v)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
