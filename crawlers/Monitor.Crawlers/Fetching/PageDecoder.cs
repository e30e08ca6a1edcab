using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Crawlers.Fetching;

/// <summary>Bytes to text in the WHATWG order — the BOM, the header, the page's meta, else UTF-8 — legacy code pages
/// (windows-1258, GB2312, ...) included. Mislabelled pages are caught: a page said to be UTF-8 that is not valid UTF-8
/// is read with its meta charset or windows-1258; a page declared in any other charset whose bytes are valid UTF-8
/// with non-ASCII in them is read as UTF-8 (as browsers' and trafilatura's sniffers do: legacy text is almost never
/// valid UTF-8 by accident); UTF-16 or UTF-32 declared without a BOM is read as UTF-8 when it can be (a meta cannot
/// declare UTF-16: the HTML standard reads it as UTF-8).</summary>
public static partial class PageDecoder
{
    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? headerCharset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var meta = EncodingOf(SniffMeta(bytes));
        // The BOM is the one label that cannot be wrong; the others are checked against the bytes.
        var encoding = Bom(bytes) ?? Checked(EncodingOf(headerCharset) ?? meta ?? Encoding.UTF8, meta, bytes);
        var text = encoding.GetString(bytes);
        return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text).Normalize(NormalizationForm.FormC);
    }

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static Encoding Checked(Encoding declared, Encoding? meta, byte[] bytes)
    {
        if (declared.CodePage == Encoding.UTF8.CodePage)
        {
            return IsUtf8(bytes) ? declared : meta is { } m && m.CodePage != Encoding.UTF8.CodePage && !IsWide(m) ? m : Encoding.GetEncoding(1258);
        }

        if ((HasNonAscii(bytes) || IsWide(declared)) && IsUtf8(bytes))
        {
            return Encoding.UTF8;
        }

        // UTF-16 declared without a BOM on bytes that are not UTF-8 either: the legacy Vietnamese default.
        return IsWide(declared) ? Encoding.GetEncoding(1258) : declared;
    }

    private static bool IsWide(Encoding e) => e.CodePage is 1200 or 1201 or 12000 or 12001;

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
