using System.IO.Compression;
using System.Text;
using Monitor.Crawlers.Fetching;

namespace Monitor.Crawlers.Tests.Fetching;

/// <summary>Charsets in the WHATWG order with UTF-8 preferred when the bytes are UTF-8, and gzip with a bound.</summary>
public sealed class DecodingTests
{
    private const string Vietnamese = "Tỉnh ủy Kon Tum chỉ đạo tuyên truyền đợt cao điểm";

    static DecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string charset, string body, Encoding encoding) =>
        encoding.GetBytes($"<html><head><meta charset=\"{charset}\"><title>t</title></head><body><p>{body}</p></body></html>");

    [Theory]
    [InlineData("gb2312")]
    [InlineData("utf-16")]
    [InlineData("utf-16le")]
    [InlineData("shift_jis")]
    [InlineData("windows-1252")]
    public void A_valid_UTF8_page_whose_meta_names_another_charset_is_read_as_UTF8(string charset)
    {
        var text = PageDecoder.Decode(Page(charset, Vietnamese, Encoding.UTF8), null);

        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_UTF8_page_whose_header_says_GB2312_is_read_as_UTF8() =>
        Assert.Contains(Vietnamese, PageDecoder.Decode(Page("utf-8", Vietnamese, Encoding.UTF8), "gb2312"), StringComparison.Ordinal);

    [Fact]
    public void An_ASCII_page_whose_meta_says_UTF16_is_not_read_as_UTF16() =>
        Assert.Contains("<title>t</title>", PageDecoder.Decode(Page("utf-16", "plain", Encoding.ASCII), null), StringComparison.Ordinal);

    [Fact]
    public void A_real_GB2312_page_and_a_real_windows_1258_page_keep_their_charsets()
    {
        const string chinese = "中华人民共和国国务院新闻办公室";
        Assert.Contains(chinese, PageDecoder.Decode(Page("gb2312", chinese, Encoding.GetEncoding("gb2312")), null), StringComparison.Ordinal);
        Assert.Contains("Kon Tum", PageDecoder.Decode(Page("windows-1258", "Tỉnh Kon Tum", Encoding.GetEncoding(1258)), null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_page_with_its_byte_order_mark_is_read_as_UTF16() =>
        Assert.Contains(Vietnamese, PageDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Page("utf-16", Vietnamese, Encoding.Unicode)], null), StringComparison.Ordinal);

    [Fact]
    public void A_gzip_that_expands_past_the_limit_is_refused_after_the_limit_not_read_whole()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        var e = Assert.Throws<TooLargeException>(() => LimitedGzip.Unpack(packed.ToArray(), FetchOptions.DefaultMaxBytes));

        Assert.Equal(FetchOptions.DefaultMaxBytes, e.Limit);
        Assert.Equal("abc"u8.ToArray(), LimitedGzip.Unpack("abc"u8.ToArray(), 1));
    }
}
