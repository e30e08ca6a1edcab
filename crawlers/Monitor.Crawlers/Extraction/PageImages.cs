using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>An image of the article with its caption as printed ("Ông Hồ Đức Phớc, Bộ trưởng Tài chính. Ảnh: Hoàng
/// Phong"); the caption is null when the page gives none.</summary>
public sealed record ExtractedImage(string Url, string? Caption);

/// <summary>The article's images with their captions: figures (figure/figcaption), the caption tables of Vietnamese
/// CMSs (table.image with td.image_desc, table.tplCaption), and the page's declared image (og:image) when the body
/// has none. Images in page furniture (navigation, related stories, footers) and inline data URIs are left out.</summary>
internal static class PageImages
{
    private const string Holders = "figure, table.image, table.tplCaption, table.picture, table.imgcaption";
    private const string CaptionCells = "figcaption, .image_desc, .PhotoCMS_Caption, .caption, .Image";

    public static IReadOnlyList<ExtractedImage> Find(IDocument document, Uri? baseUrl)
    {
        var images = new List<ExtractedImage>();
        foreach (var holder in document.QuerySelectorAll(Holders))
        {
            if (InFurniture(holder) || holder.QuerySelector("img") is not { } img || Source(img, baseUrl) is not { } url)
            {
                continue;
            }

            var caption = holder.QuerySelector(CaptionCells)?.TextContent is { } text && ArticleExtractor.Clean(text) is { Length: > 0 } clean
                ? clean
                : img.GetAttribute("alt") is { Length: > 0 } alt ? ArticleExtractor.Clean(alt) : null;
            if (!images.Any(i => i.Url == url))
            {
                images.Add(new ExtractedImage(url, caption));
            }
        }

        if (images.Count == 0 && ArticleExtractor.Meta(document, "og:image") is { } declared && Resolve(declared, baseUrl) is { } og)
        {
            images.Add(new ExtractedImage(og, null));
        }

        return images;
    }

    // Lazy-loading pages put the real address in data-src or data-original and a placeholder in src.
    private static string? Source(IElement img, Uri? baseUrl) =>
        new[] { img.GetAttribute("data-src"), img.GetAttribute("data-original"), img.GetAttribute("src") }
            .Where(s => !string.IsNullOrWhiteSpace(s) && !s.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            .Select(s => Resolve(s!, baseUrl)).FirstOrDefault(s => s is not null);

    private static string? Resolve(string src, Uri? baseUrl)
    {
        src = src.Trim();
        if (Uri.TryCreate(src, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        if (src.StartsWith("//", StringComparison.Ordinal))
        {
            return Resolve((baseUrl?.Scheme ?? "https") + ":" + src, null);
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, src, out var relative) && relative.Scheme is "http" or "https" ? relative.ToString() : null;
    }

    private static bool InFurniture(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            // Structure only: class names are no guide here (VnExpress's article column is "sidebar-1").
            if (e.LocalName is "nav" or "header" or "footer" or "aside" || Boilerplate.IsSkipped(e))
            {
                return true;
            }
        }

        return false;
    }
}
