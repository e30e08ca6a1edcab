using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>The article's headline: the one the publisher declares (JSON-LD, then the social card), which may carry
/// the site's name as a suffix or straight quotes where the page prints curly ones; the visible h1 settles both when
/// it agrees. Sites disagree on which of their headlines is "the" title (a short social one, a long printed one), and
/// no single rule matches every ground truth: this one follows the publisher's declaration.</summary>
internal static class PageTitle
{
    private static readonly string[] Separators = [" - ", " | ", " – ", " — ", " :: ", " · "];

    public static string? Find(IDocument document, string? jsonLdHeadline)
    {
        var h1 = SingleH1(document);
        var title = First(jsonLdHeadline, ArticleExtractor.Meta(document, "og:title"), ArticleExtractor.Meta(document, "twitter:title"), h1,
            document.Title is { } t ? ArticleExtractor.Clean(t) : null);
        if (title is null)
        {
            return null;
        }

        title = WithoutSiteName(title, ArticleExtractor.Meta(document, "og:site_name"));
        return h1 is not null && Fold(h1) == Fold(title) ? h1 : title;
    }

    private static string? SingleH1(IDocument document)
    {
        var headings = document.Body?.QuerySelectorAll("h1").Select(h => ArticleExtractor.Clean(h.TextContent)).Where(h => h.Length > 0).Distinct().ToList();
        return headings is { Count: 1 } ? headings[0] : null;
    }

    /// <summary>"Headline - Site": the tail goes when it is the site's declared name (og:site_name).</summary>
    private static string WithoutSiteName(string title, string? siteName)
    {
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var (head, tail) = (title[..at].Trim(), title[(at + separator.Length)..].Trim());
            if (siteName is not null && string.Equals(tail, siteName, StringComparison.OrdinalIgnoreCase))
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>Compares headlines whatever their quote marks, dashes, case and kind of space.</summary>
    private static string Fold(string s)
    {
        var chars = s.ToLowerInvariant().Select(c => c switch
        {
            '‘' or '’' or '‚' or '′' => '\'',
            '“' or '”' or '„' or '«' or '»' => '"',
            '–' or '—' => '-',
            _ => c,
        });
        return ArticleExtractor.Clean(new string(chars.ToArray()));
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
