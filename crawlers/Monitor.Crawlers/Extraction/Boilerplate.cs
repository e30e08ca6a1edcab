using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>What is never article text: tags that carry no prose, and containers whose class or id names a page
/// furniture role (share bars, related links, comments, ads). Judged on the element alone, so one walk decides.</summary>
internal static partial class Boilerplate
{
    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
        "select", "textarea", "option", "nav", "aside", "footer", "figcaption", "head", "title", "meta", "link", "dialog", "menu",
    };

    /// <summary>Containers that hold the article itself are never dropped for their class, however it reads.</summary>
    private static readonly HashSet<string> ProtectedTags = new(StringComparer.Ordinal) { "html", "body", "main", "article" };

    /// <summary>Never text: scripts, forms, navigation, hidden elements.</summary>
    public static bool IsSkipped(IElement element)
    {
        var tag = element.LocalName;
        if (SkippedTags.Contains(tag))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true" && tag != "p"
            || element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        return false;
    }

    /// <summary>Named like page furniture. Only a hint: some sites call their main column "sidebar-1", so the caller
    /// drops such an element only inside the container it chose, never the container's own ancestors.</summary>
    public static bool IsNoiseNamed(IElement element)
    {
        var tag = element.LocalName;
        if (ProtectedTags.Contains(tag) || tag is "p" or "h1" or "h2" or "h3")
        {
            return false;
        }

        var role = element.GetAttribute("role");
        if (role is "navigation" or "complementary" or "contentinfo" or "banner" or "dialog" or "menu" or "toolbar")
        {
            return true;
        }

        return HasNoiseName(element.GetAttribute("class")) || HasNoiseName(element.Id);
    }

    private static bool HasNoiseName(string? names) =>
        names is { Length: > 0 } && NoiseName().IsMatch(names) && !KeepName().IsMatch(names);

    // Matched as whole parts of a class or id ("article-comments", "share_bar", "relatedPosts"), so that
    // "adventure" or "download" never trip "ad"/"nav". "paywall" is not furniture: paywalled sites wrap the article's
    // own text in it (the subscription prompt carries names like "subscribe" or "login").
    [GeneratedRegex(@"(?:^|[\s_-])(?:comments?|commentlist|disqus|share|sharing|shares|social|socials|sharebar|related|relatedposts|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|promo|promotion|sponsor(?:ed)?|advert|advertisement|ads?|adv|adslot|ad-slot|banner|sidebar|widget|breadcrumbs?|pagination|pager|popup|modal|cookies?|consent|gdpr|outbrain|taboola|rating|trending|popular|most-read|mostread|more-stories|read-more|readmore|tags?|tag-list|taglist|keywords|byline|author-bio|bio|toolbar|print|hidden|skip|masthead|navbar|nav|menu|footer|site-header|copyright|caption|credit|newsletter-signup|login|related-news|tin-lien-quan|box-tinlienquan|social-share|box-comment)(?=$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article-?body|articlebody|entry-content|post-content|story-body|main-content|content-body|body-text|fck_detail)(?=$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeepName();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();
}
