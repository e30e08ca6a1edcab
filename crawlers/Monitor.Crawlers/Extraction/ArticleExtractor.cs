using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Crawlers.Extraction;

/// <summary>Reads an article page: structured metadata first (JSON-LD, Open Graph, meta), then the visible page
/// (dates such as "Thứ Hai, 18/11/2024 - 08:30", the main text block).</summary>
public static class ArticleExtractor
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Extracts one page. Never throws for odd markup: what cannot be found stays null or empty.</summary>
    public static ExtractedPage Extract(string html, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);
        var ld = JsonLd.FindArticle(document);
        var title = PageTitle.Find(document, ld?.Headline is { } headline ? Clean(headline) : null);
        var lead = Lead.Find(document, title);
        var text = MainText.Find(document, title);
        if (lead is not null && !text.Contains(lead, StringComparison.Ordinal))
        {
            text = text.Length == 0 ? lead : lead + "\n" + text;
        }

        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(ld?.Body))
        {
            text = ld.Body;
        }

        return new ExtractedPage
        {
            Title = title,
            Published = ld?.Published ?? PageDates.FromMeta(document, "article:published_time", "pubdate", "publishdate", "date")
                ?? PageDates.FromTimeElement(document) ?? PageDates.FromVisibleText(document),
            Modified = ld?.Modified ?? PageDates.FromMeta(document, "article:modified_time", "og:updated_time"),
            Author = First(ld?.Author, Meta(document, "author"), Meta(document, "article:author")),
            Section = First(ld?.Section, Meta(document, "article:section")),
            Description = First(ld?.Description, Meta(document, "og:description"), Meta(document, "description")),
            Lead = lead,
            Text = text,
            Language = First(document.DocumentElement.GetAttribute("lang"), Meta(document, "og:locale"))?.Split('-', '_')[0].ToLowerInvariant(),
            CanonicalUrl = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") is { Length: > 0 } href && url is not null
                && Uri.TryCreate(url, href, out var canonical) ? canonical.ToString() : null,
        };
    }

    internal static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return Clean(content);
            }
        }

        return null;
    }

    private static string? First(params string?[] values) =>
        values.Select(v => v is null ? null : Clean(v)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Whitespace collapsed, entities decoded (JSON-LD and meta values often carry "&amp;#8217;"), NFC.</summary>
    internal static string Clean(string value)
    {
        if (value.Contains('&', StringComparison.Ordinal))
        {
            value = System.Net.WebUtility.HtmlDecode(value);
        }

        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize();
    }
}
