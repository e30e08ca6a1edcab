using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>The lead (Vietnamese "sapo") that papers print in bold above the body, often outside the body's own
/// container, so the body finder alone would miss it.</summary>
internal static class Lead
{
    // Vietnamese CMSs name it "sapo" (Dân trí, Tuổi Trẻ, most provincial papers) or "description" (VnExpress);
    // English-language ones "lead" or "standfirst".
    private const string Selectors = "[class*=sapo], p.description, h2.description, div.description, .article-lead, .article__lead, .standfirst, p.lead, div.lead, h2.lead";

    public static string? Find(IDocument document, string? title)
    {
        foreach (var element in document.Body?.QuerySelectorAll(Selectors) ?? Enumerable.Empty<IElement>())
        {
            if (Boilerplate.IsSkipped(element) || element.Closest("nav, aside, footer, li") is not null)
            {
                continue;
            }

            var lines = TextLines.Read(element);
            var text = string.Join(' ', lines.Select(l => l.Text)).Trim();
            var links = lines.Sum(l => l.LinkChars);
            if (text.Length is >= 30 and <= 1500 && links * 3 < text.Length
                && !string.Equals(text, title, StringComparison.OrdinalIgnoreCase))
            {
                return text.Normalize();
            }
        }

        return null;
    }
}
