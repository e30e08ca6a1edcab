using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Crawlers.Fetching;

/// <summary>Bytes to text: charset from the BOM, the header, the page's meta, else UTF-8; legacy code pages
/// (windows-1258) included. Mislabelled pages are caught: a page said to be UTF-8 that is not valid UTF-8 is read
/// with its meta charset or windows-1258; a page said to be Latin-1 that is valid UTF-8 is read as UTF-8.</summary>
public static partial class PageDecoder
{
    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Decode(byte[] bytes, string? headerCharset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var meta = EncodingOf(SniffMeta(bytes));
        var encoding = Bom(bytes) ?? EncodingOf(headerCharset) ?? meta ?? Encoding.UTF8;
        if (encoding.CodePage == Encoding.UTF8.CodePage && !IsUtf8(bytes))
        {
            encoding = meta is { } m && m.CodePage != Encoding.UTF8.CodePage ? m : Encoding.GetEncoding(1258);
        }
        else if (encoding.IsSingleByte && HasNonAscii(bytes) && IsUtf8(bytes))
        {
            // Servers default to ISO-8859-1 in the header for pages that are UTF-8; a single-byte text is almost
            // never valid UTF-8 by accident once it has non-ASCII bytes.
            encoding = Encoding.UTF8;
        }

        var text = encoding.GetString(bytes);
        return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text).Normalize(NormalizationForm.FormC);
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool HasNonAscii(byte[] bytes) => Array.Exists(bytes, b => b >= 0x80);

    private static Encoding? EncodingOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim('"', '\'', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? Bom(byte[] b) =>
        b is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8 : b is [0xFF, 0xFE, ..] ? Encoding.Unicode : b is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode : null;

    private static string? SniffMeta(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
