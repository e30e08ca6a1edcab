using System.Text;
using AngleSharp.Dom;

namespace Monitor.Crawlers.Extraction;

/// <summary>A run of text between two block boundaries, with how much of it sits inside links and the block it
/// belongs to (the paragraph, heading, list item, or the div that holds loose text), and the innermost enclosing
/// element named like page furniture, if any.</summary>
internal sealed record TextLine(string Text, int LinkChars, IElement Block, IElement? Noise)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    public bool IsHeading => Block.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}

/// <summary>Turns a DOM subtree into the lines a reader would see, skipping boilerplate as it goes.</summary>
internal sealed class TextLines
{
    // Deeper nesting than this is malformed markup; its text is read flat rather than risking the stack.
    private const int MaxDepth = 400;

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "figure", "hr", "br", "center",
        "address", "details", "summary", "form", "fieldset", "body", "html",
    };

    private readonly List<TextLine> _lines = [];
    private readonly StringBuilder _text = new();
    private int _linkChars;
    private bool _pendingSpace;

    public static List<TextLine> Read(IElement root)
    {
        var reader = new TextLines();
        reader.Walk(root, root, null, inLink: false, depth: 0);
        reader.Flush(root, null);
        return reader._lines;
    }

    private void Walk(INode node, IElement block, IElement? noise, bool inLink, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data, inLink);
            }
            else if (child is IElement element)
            {
                if (Boilerplate.IsSkipped(element) && !IsCaptionInProse(element))
                {
                    continue;
                }

                var inner = Boilerplate.IsNoiseNamed(element) ? element : noise;
                if (depth > MaxDepth)
                {
                    Append(element.TextContent, inLink);
                }
                else if (BlockTags.Contains(element.LocalName))
                {
                    Flush(block, noise);
                    Walk(element, element, inner, inLink, depth + 1);
                    Flush(element, inner);
                }
                else
                {
                    Walk(element, block, inner, inLink || element.LocalName == "a", depth + 1);
                }
            }
        }
    }

    /// <summary>A figure's caption where the figure stands between two paragraphs: the reader reads it as part of the
    /// story (Vietnamese papers put their photo captions there); elsewhere (galleries, headers) it stays out.</summary>
    private static bool IsCaptionInProse(IElement element) =>
        element.LocalName == "figcaption" && element.ParentElement is { LocalName: "figure" } figure
        && figure.PreviousElementSibling is { LocalName: "p" } && figure.NextElementSibling is { LocalName: "p" };

    private void Append(string data, bool inLink)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _text.Length > 0;
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(c);
            if (inLink)
            {
                _linkChars++;
            }
        }
    }

    private void Flush(IElement block, IElement? noise)
    {
        if (_text.Length > 0)
        {
            _lines.Add(new TextLine(_text.ToString(), _linkChars, block, noise));
        }

        _text.Clear();
        _linkChars = 0;
        _pendingSpace = false;
    }
}
