using System.Text;
using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>Finds the article body. Every prose line scores the container that holds it (and, less, the two above),
/// the best container wins, and its siblings that also hold prose join it, so a body split across several
/// wrappers is read whole. Lines that are mostly links, or page furniture, are left out.</summary>
internal static class MainText
{
    /// <summary>A line shorter than this is a label, a byline or a button, not prose that should vote.</summary>
    private const int ProseLength = 25;

    /// <summary>Text under a furniture name still votes a little: the name may be the site's own odd word for its main
    /// column ("sidebar-1").</summary>
    private const double FurnitureVote = 0.3;

    public static string Find(IDocument document, string? title)
    {
        if (document.Body is not { } body)
        {
            return "";
        }

        var lines = TextLines.Read(body);
        var kept = Kept(lines, title, FurnitureVote);

        // The winner held nothing but furniture (a post whose comments outweigh it): vote again without furniture.
        if (kept is { Count: 0 } && lines.Any(l => l.Noise is null && Weight(l, 0) > 0))
        {
            kept = Kept(lines, title, 0);
        }

        if (kept is null)
        {
            return Join(lines.Where(l => Keep(l, title) && l.Noise is null));
        }

        if (kept.Count > 1 && IsSignature(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return Join(kept);
    }

    /// <summary>The lines of the container the prose votes for; null when no line is prose.</summary>
    private static List<TextLine>? Kept(List<TextLine> lines, string? title, double furnitureVote)
    {
        var scores = new Dictionary<IElement, double>();
        var prose = new Dictionary<IElement, Prose>();
        foreach (var line in lines)
        {
            var weight = Weight(line, furnitureVote);
            if (weight <= 0)
            {
                continue;
            }

            var container = IsParagraph(line.Block) ? line.Block.ParentElement : line.Block;
            for (var level = 0; container is not null && level < 3; level++, container = container.ParentElement)
            {
                scores[container] = scores.GetValueOrDefault(container) + weight / (1 << level);
            }

            for (var holder = line.Block; holder is not null; holder = holder.ParentElement)
            {
                var held = prose.GetValueOrDefault(holder);
                prose[holder] = new Prose(held.Weight + weight, Math.Max(held.Longest, line.Text.Length));
            }
        }

        if (scores.Count == 0)
        {
            return null;
        }

        var top = CommonAncestor(scores);
        var chosen = Chosen(top, scores, prose);
        return lines.Where(l => Keep(l, title) && IsInside(l.Block, chosen) && !IsInside(l.Noise?.ParentElement, chosen)).ToList();
    }

    /// <summary>The author's name that Vietnamese papers (and many others) print as the body's last paragraph, all in bold
    /// or set to the right, a few words without closing punctuation ("Lê Phương"): a signature, not prose.</summary>
    private static bool IsSignature(TextLine line)
    {
        if (line.Text.Length > 40 || line.Text.Count(c => c == ' ') > 4 || line.Text[^1] is '.' or '!' or '?' or ':' || line.Block.LocalName != "p")
        {
            return false;
        }

        var block = line.Block;
        return block.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("text-align:right", StringComparison.OrdinalIgnoreCase)
            || block.Children.Length == 1 && block.Children[0].LocalName is "strong" or "b"
                && ArticleExtractor.Clean(block.Children[0].TextContent) == line.Text;
    }

    /// <summary>The text of the elements a profile names, with the same line rules as the generic path.</summary>
    public static string FromSelector(IDocument document, string selector, string? title)
    {
        IHtmlCollection<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(selector);
        }
        catch (DomException)
        {
            return "";
        }

        var chosen = new HashSet<IElement>(matches);
        var lines = matches.Where(m => !IsInside(m.ParentElement, chosen)).SelectMany(TextLines.Read);
        return Join(lines.Where(l => Keep(l, title) && !IsInside(l.Noise?.ParentElement, chosen)));
    }

    private static double Weight(TextLine line, double furnitureVote)
    {
        if (line.Text.Length < ProseLength || line.LinkDensity > 0.4 || line.IsHeading)
        {
            return 0;
        }

        return line.Text.Length * (1 - line.LinkDensity) * (line.Noise is null ? 1 : furnitureVote);
    }

    /// <summary>The best container, or the nearest ancestor it shares with two more of the strong runners-up: a body
    /// cut into one wrapper per paragraph ("card" layouts) makes many containers of similar score.</summary>
    private static IElement CommonAncestor(Dictionary<IElement, double> scores)
    {
        var ranked = scores.OrderByDescending(s => s.Value).Take(5).ToList();
        var top = ranked[0].Key;
        var strong = ranked.Skip(1).Where(r => r.Value >= ranked[0].Value * 0.6 && !r.Key.Contains(top) && !top.Contains(r.Key))
            .Select(r => r.Key).ToList();
        if (strong.Count < 2)
        {
            return top;
        }

        var ancestor = top.ParentElement;
        for (var level = 0; ancestor is not null && level < 4; level++, ancestor = ancestor.ParentElement)
        {
            if (strong.Count(ancestor.Contains) >= 2)
            {
                return ancestor;
            }
        }

        return top;
    }

    /// <summary>The winner plus its siblings that carry a fair share of prose of their own. The winner is first widened
    /// to the outermost wrapper that holds no other prose (never past a furniture-named one, whose lines would then be
    /// dropped as furniture inside the choice), so that a body cut into one wrapper per group of paragraphs
    /// ("column" or "card" divs) finds its other groups among the wrapper's siblings; a sibling built like the wrapper
    /// (<see cref="SameKind"/>) joins on one sentence-length line, since a short paragraph in its own card is still the
    /// article, while a lone date line in a look-alike row is not.</summary>
    private static HashSet<IElement> Chosen(IElement top, Dictionary<IElement, double> scores, Dictionary<IElement, Prose> prose)
    {
        var own = prose.GetValueOrDefault(top).Weight;
        var anchor = top;
        while (!Boilerplate.IsNoiseNamed(anchor) && anchor.ParentElement is { LocalName: not ("body" or "html") } wrapper
            && prose.GetValueOrDefault(wrapper).Weight <= own)
        {
            anchor = wrapper;
        }

        var chosen = new HashSet<IElement> { top };
        if (anchor.ParentElement is not { } parent || anchor.LocalName is "body")
        {
            return chosen;
        }

        var threshold = Math.Max(100, scores[top] * 0.2);
        foreach (var sibling in parent.Children)
        {
            if (sibling != anchor && (scores.GetValueOrDefault(sibling) >= threshold
                || prose.GetValueOrDefault(sibling).Longest >= 2 * ProseLength && SameKind(sibling, anchor)))
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }

    /// <summary>Same tag, and the classes of one are all among the other's: the wrappers of one body differ at most by a
    /// modifier class ("articleBodyText section" beside "articleBodyText version-2 section").</summary>
    private static bool SameKind(IElement a, IElement b)
    {
        if (a.LocalName != b.LocalName || a.ClassList.Length == 0 || b.ClassList.Length == 0)
        {
            return false;
        }

        var (fewer, more) = a.ClassList.Length <= b.ClassList.Length ? (a.ClassList, b.ClassList) : (b.ClassList, a.ClassList);
        return fewer.All(more.Contains);
    }

    /// <summary>The prose an element holds at any depth: the summed weight of its prose lines and the longest of them.</summary>
    private readonly record struct Prose(double Weight, int Longest);

    private static bool Keep(TextLine line, string? title)
    {
        if (line.LinkDensity > 0.5 || line.Block.LocalName == "h1")
        {
            return false;
        }

        return title is null || !string.Equals(line.Text, title, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsParagraph(IElement e) =>
        e.LocalName is "p" or "li" or "dd" or "dt" or "blockquote" or "pre" or "td" or "th" or "h2" or "h3" or "h4" or "h5" or "h6" or "br";

    private static bool IsInside(IElement? element, HashSet<IElement> containers)
    {
        for (; element is not null; element = element.ParentElement)
        {
            if (containers.Contains(element))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(IEnumerable<TextLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Text).Append('\n');
        }

        return text.ToString().TrimEnd().Normalize();
    }
}
