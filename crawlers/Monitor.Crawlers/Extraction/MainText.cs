using System.Text;
using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>Finds the article body: the container whose own paragraphs hold the most text, minus boilerplate.</summary>
internal static class MainText
{
    private const string Noise = "script, style, noscript, nav, header, footer, aside, form, iframe, figure figcaption, .related, .comment, .comments, .share, .social, .tags, .breadcrumb, .advert, .ads";

    public static string Find(IDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return "";
        }

        foreach (var node in body.QuerySelectorAll(Noise).ToList())
        {
            node.Remove();
        }

        IElement? best = null;
        var bestScore = 0;
        foreach (var container in body.QuerySelectorAll("*"))
        {
            var score = container.Children.Where(c => c.LocalName is "p" or "h2" or "h3" or "blockquote" or "li" or "div" && c.ChildElementCount <= 3)
                .Sum(c => ParagraphLength(c));
            if (score > bestScore)
            {
                (best, bestScore) = (container, score);
            }
        }

        if (best is null)
        {
            return ArticleExtractor.Clean(body.TextContent);
        }

        var text = new StringBuilder();
        foreach (var block in best.Children.Where(c => c.LocalName is "p" or "h2" or "h3" or "blockquote" or "ul" or "ol" or "div"))
        {
            var line = ArticleExtractor.Clean(block.TextContent);
            if (line.Length > 0)
            {
                text.Append(line).Append("\n\n");
            }
        }

        return text.ToString().Trim();
    }

    private static int ParagraphLength(IElement e)
    {
        var length = e.TextContent.Trim().Length;
        var linkText = e.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return linkText * 2 > length ? 0 : length;
    }
}
