using Monitor.Crawlers.Discovery;
using Monitor.Crawlers.Feeds;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Feeds;

public sealed class FeedReaderTests
{
    private static readonly Uri Base = new("https://example.vn/rss/tin-moi.rss");

    [Fact]
    public void Rss_items_give_absolute_links_titles_and_dates()
    {
        var items = FeedReader.Read("""
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo</title>
            <item><title>Tin một</title><link>/xa-hoi/tin-1.html</link><pubDate>Tue, 12 Nov 2024 01:30:00 GMT</pubDate></item>
            <item><title>Tin hai</title><guid>https://example.vn/tin-2.html</guid><pubDate>Tue, 12 Nov 2024 08:30:00 +0700</pubDate></item>
            </channel></rss>
            """, Base);

        Assert.Equal(["https://example.vn/xa-hoi/tin-1.html", "https://example.vn/tin-2.html"], items.Select(i => i.Link.ToString()));
        Assert.All(items, i => Assert.Equal(new DateTimeOffset(2024, 11, 12, 1, 30, 0, TimeSpan.Zero), i.Published));
    }

    [Fact]
    public void Atom_entries_are_read()
    {
        var item = Assert.Single(FeedReader.Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Đài</title>
            <entry><title>Bản tin</title><link rel="alternate" href="https://example.vn/a.html"/><published>2024-11-12T08:30:00+07:00</published></entry></feed>
            """, Base));
        Assert.Equal("Bản tin", item.Title);
    }

    [SharedDataFact("corpus/rss-vnexpress")]
    [Trait("Category", "Corpus")]
    public void The_real_malformed_vnexpress_feed_with_a_raw_ampersand_is_repaired_and_read()
    {
        var folder = RepositoryPaths.Shared("corpus/rss-vnexpress");
        var malformed = Directory.GetFiles(folder, "*1item.xml").Single();
        Assert.Throws<System.Xml.XmlException>(() => System.Xml.Linq.XDocument.Parse(File.ReadAllText(malformed)));

        var items = FeedReader.Read(File.ReadAllText(malformed), Base);

        Assert.Single(items);
        Assert.StartsWith("https://", items[0].Link.ToString(), StringComparison.Ordinal);
    }

    [SharedDataFact("corpus/rss-vnexpress")]
    [Trait("Category", "Corpus")]
    public void The_real_well_formed_vnexpress_feed_gives_every_item()
    {
        var folder = RepositoryPaths.Shared("corpus/rss-vnexpress");
        var wellFormed = Directory.GetFiles(folder, "*.xml").Single(f => !f.EndsWith("1item.xml", StringComparison.Ordinal));
        var items = FeedReader.Read(File.ReadAllText(wellFormed), Base);
        Assert.Equal(25, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Published));
    }

    [Fact]
    public void A_document_that_is_not_xml_is_an_error_naming_line_and_column()
    {
        var e = Assert.Throws<FeedFormatException>(() => FeedReader.Read("<rss><channel><item><title>x</item>", Base));
        // Vietnamese only: the parser's English ("The 'title' start tag on line 1 position 22 does not match…") stays out
        // of the warning line and the Nguồn tin page.
        Assert.Matches(@"^không phải XML hợp lệ \(dòng 1, cột \d+\)$", e.Message);
        var sitemap = Assert.Throws<FeedFormatException>(() => SitemapReader.Read("<urlset><url><loc>x</url>", Base));
        Assert.Matches(@"^sitemap không phải XML hợp lệ \(dòng 1, cột \d+\)$", sitemap.Message);
    }

    [Fact]
    public void A_feed_cut_short_gives_the_items_that_arrived_whole()
    {
        var items = FeedReader.Read("""
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo</title>
            <item><title>Tin một</title><link>/tin-1.html</link></item>
            <item><title>Tin hai &amp; ba</title><link>/tin-2.html?a=1&b=2</link></item>
            <item><title>Tin bị cắt</title><link>/tin-
            """, Base);

        Assert.Equal(["https://example.vn/tin-1.html", "https://example.vn/tin-2.html?a=1&b=2"], items.Select(i => i.Link.ToString()));
    }
}
