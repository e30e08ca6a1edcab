using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;

namespace Monitor.Crawlers.Extraction;

/// <summary>Watches one page while the parser reads it: the elements open at once (from the tokens, before the
/// parser's quadratic work on a deep stack) and the time spent. Either limit passed is an
/// <see cref="ExtractionException"/> that names the page.</summary>
internal sealed class PageGuard
{
    /// <summary>Elements that never hold others.</summary>
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "basefont", "bgsound", "frame", "image",
    };

    /// <summary>A start tag of one of these closes an open paragraph (HTML's "close a p element").</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "dd", "dt", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    };

    /// <summary>Tokens between two looks at the clock.</summary>
    private const int ClockEvery = 1024;

    private readonly PageLimits _limits;
    private readonly Uri? _url;
    private readonly long _started;
    private readonly List<string> _open = [];
    private int _tokens;

    public PageGuard(PageLimits limits, Uri? url)
    {
        _limits = limits;
        _url = url;
        _started = limits.Time.GetTimestamp();
    }

    public void OnToken(HtmlToken token)
    {
        if (++_tokens % ClockEvery == 0)
        {
            CheckTime();
        }

        if (token.Type == HtmlTokenType.StartTag)
        {
            Open(token.Name, token is HtmlTagToken { IsSelfClosing: true });
        }
        else if (token.Type == HtmlTokenType.EndTag)
        {
            Close(token.Name);
        }
    }

    public void CheckTime()
    {
        var spent = _limits.Time.GetElapsedTime(_started);
        if (spent > _limits.TimeBudget)
        {
            throw Refused($"đọc trang quá thời gian cho phép ({_limits.TimeBudget.TotalSeconds:0.#} giây) nên bỏ qua trang này");
        }
    }

    private ExtractionException Refused(string why) => new(_url is null ? why : $"{_url}: {why}", "extraction-limit");

    private void Open(string name, bool selfClosing)
    {
        if (Void.Contains(name) || selfClosing && name is "svg" or "math" or "path")
        {
            return;
        }

        // Elements whose end tag may be left out close themselves when the next of their kind (or a block) starts.
        var top = _open.Count > 0 ? _open[^1] : null;
        if (top == "p" && ClosesParagraph.Contains(name)
            || top is "li" && name == "li"
            || top is "dt" or "dd" && name is "dt" or "dd"
            || top is "option" && name is "option" or "optgroup"
            || top is "td" or "th" && name is "td" or "th" or "tr"
            || top is "tr" && name == "tr")
        {
            _open.RemoveAt(_open.Count - 1);
            if (name == "tr" && _open.Count > 0 && _open[^1] == "tr")
            {
                _open.RemoveAt(_open.Count - 1);
            }
        }

        _open.Add(name);
        if (_open.Count > _limits.MaxDepth)
        {
            throw Refused($"trang lồng quá {_limits.MaxDepth} tầng phần tử HTML nên bỏ qua trang này");
        }
    }

    /// <summary>An end tag closes the nearest open element of its name among the last few; a stray one (no such
    /// element open near the top) is ignored, as the parser does. Looking only near the top keeps this linear.</summary>
    private void Close(string name)
    {
        for (var i = _open.Count - 1; i >= 0 && i >= _open.Count - 16; i--)
        {
            if (_open[i] == name)
            {
                _open.RemoveRange(i, _open.Count - i);
                return;
            }
        }
    }
}
