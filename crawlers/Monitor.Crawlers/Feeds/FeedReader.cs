using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Crawlers.Feeds;

/// <summary>One entry of a feed.</summary>
public sealed record FeedItem(Uri Link, string? Title, DateTimeOffset? Published);

/// <summary>A feed that cannot be read even leniently; the message names the position.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads RSS 2.0 and Atom. Tolerant of the usual damage (a raw '&amp;' in a title): such a feed is
/// repaired and read; a feed that is not XML at all is an error naming the line.</summary>
public static partial class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IReadOnlyList<FeedItem> Read(string xml, Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            document = Parse(xml);
        }
        catch (XmlException first)
        {
            try
            {
                document = Parse(BareAmpersand().Replace(xml, "&amp;"));
            }
            catch (XmlException)
            {
                // A feed cut short (a truncated download, a broken generator) still holds whole items before the cut.
                return Salvage(xml, feedUrl) is { Count: > 0 } salvaged
                    ? salvaged
                    : throw new FeedFormatException($"không phải XML hợp lệ (dòng {first.LineNumber}, cột {first.LinePosition})", first);
            }
        }

        var root = document.Root ?? throw new FeedFormatException("tài liệu rỗng");
        var items = root.Name.LocalName switch
        {
            "rss" or "RDF" => root.Descendants().Where(e => e.Name.LocalName == "item").Select(i => Rss(i, feedUrl)),
            "feed" => root.Elements(Atom + "entry").Select(e => AtomEntry(e, feedUrl)),
            _ => throw new FeedFormatException($"phần tử gốc <{root.Name.LocalName}> không phải RSS hay Atom"),
        };
        return items.OfType<FeedItem>().ToList();
    }

    private static List<FeedItem> Salvage(string xml, Uri feedUrl)
    {
        var items = new List<FeedItem>();
        foreach (var whole in WholeItems(BareAmpersand().Replace(xml, "&amp;")))
        {
            try
            {
                var element = XElement.Parse(whole);
                var item = element.Name.LocalName == "item" ? Rss(element, feedUrl) : AtomEntry(XElement.Parse(whole.Replace("<entry>", "<entry xmlns=\"http://www.w3.org/2005/Atom\">", StringComparison.Ordinal)), feedUrl);
                if (item is not null)
                {
                    items.Add(item);
                }
            }
            catch (XmlException)
            {
                // this item is damaged too; keep the others
            }
        }

        return items;
    }

    /// <summary>Each "&lt;item ...&gt;...&lt;/item&gt;" (and Atom entry) from its start to the first end tag after it, found
    /// by a forward scan: a lazy regex here rescanned the rest of the feed from every unclosed start tag (a 7.8 MB feed
    /// of unclosed items never finished).</summary>
    private static IEnumerable<string> WholeItems(string xml)
    {
        const int most = 10_000;
        var found = 0;
        foreach (var tag in new[] { "item", "entry" })
        {
            var open = "<" + tag;
            var close = "</" + tag + ">";
            var at = 0;
            while (found < most && (at = xml.IndexOf(open, at, StringComparison.Ordinal)) >= 0)
            {
                var next = at + open.Length;
                if (next >= xml.Length || !(char.IsWhiteSpace(xml[next]) || xml[next] == '>'))
                {
                    at = next;
                    continue;
                }

                var end = xml.IndexOf(close, next, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                found++;
                yield return xml[at..(end + close.Length)];
                at = end + close.Length;
            }
        }
    }

    /// <summary>Deepest element nesting a feed or sitemap may have (real ones have under 10).</summary>
    internal const int MaxDepth = 64;

    /// <summary>Parses a feed or sitemap. The nesting is checked first by a reader alone: XDocument takes time
    /// quadratic in the depth of unclosed elements (10,000 unclosed items: 5 s; 20,000: 25 s).</summary>
    internal static XDocument Parse(string xml)
    {
        var text = xml.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(text), settings))
        {
            try
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        throw new FeedFormatException($"các phần tử lồng nhau quá {MaxDepth} cấp (dòng {((IXmlLineInfo)reader).LineNumber}): thẻ không đóng");
                    }
                }
            }
            catch (XmlException)
            {
                // Reported by the parse below, with its line.
            }
        }

        return XDocument.Load(XmlReader.Create(new StringReader(text), settings));
    }

    private static FeedItem? Rss(XElement item, Uri feedUrl)
    {
        var link = Child(item, "link") ?? (Child(item, "guid") is { } g && g.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? g : null);
        return Resolve(feedUrl, link) is { } uri
            ? new FeedItem(uri, Child(item, "title"), Date(Child(item, "pubDate") ?? Child(item, "date")))
            : null;
    }

    private static FeedItem? AtomEntry(XElement entry, Uri feedUrl)
    {
        var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        return Resolve(feedUrl, link) is { } uri
            ? new FeedItem(uri, entry.Element(Atom + "title")?.Value.Trim(), Date(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value))
            : null;
    }

    private static string? Child(XElement e, string localName) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static Uri? Resolve(Uri baseUrl, string? link) =>
        link is not null && Uri.TryCreate(baseUrl, link.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static DateTimeOffset? Date(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // RFC 822 dates carry zone names .NET does not parse ("GMT+7", "ICT"): normalise the usual ones.
        var cleaned = value.Replace("GMT+7", "+0700", StringComparison.Ordinal).Replace(" ICT", " +0700", StringComparison.Ordinal).Replace(" GMT", " +0000", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;
    }

    [GeneratedRegex(@"&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,8}|#x[0-9A-Fa-f]{1,8});)", RegexOptions.None, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex BareAmpersand();
}
