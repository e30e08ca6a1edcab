using System.Net;
using Microsoft.AspNetCore.Html;

namespace Monitor.Dashboards.Search;

/// <summary>Marked pieces as HTML: every piece escaped first, then the hits wrapped in &lt;mark&gt; (no whitespace added
/// between pieces, so the text reads exactly as stored).</summary>
public static class MarkedHtml
{
    public static IHtmlContent Of(IReadOnlyList<Marked> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return new HtmlString(string.Concat(pieces.Select(p => p.Hit ? "<mark>" + WebUtility.HtmlEncode(p.Text) + "</mark>" : WebUtility.HtmlEncode(p.Text))));
    }
}
