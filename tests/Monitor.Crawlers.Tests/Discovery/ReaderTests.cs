using Monitor.Crawlers.Discovery;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Sources;

namespace Monitor.Crawlers.Tests.Discovery;

public sealed class ReaderTests
{
    private static readonly Uri Page = new("https://www.baokontum.com.vn/xa-hoi-8.html?page=3");

    private const string ListingHtml = """
        <html><head><link rel="next" href="/xa-hoi-8.html?page=4"></head><body>
        <a href="/">Trang chủ</a><a href="/xa-hoi-8.html">Xã hội</a>
        <div class="list"><a href="/xa-hoi/bai-mot-101.html#top">Bài một</a><a href="/xa-hoi/bai-hai-102.html">Bài hai</a><a href="/xa-hoi/bai-mot-101.html">Bài một</a></div>
        <a class="sau" href="?page=9">Sau</a><a href="https://other.vn/xa-hoi/bai-103.html">Ngoài</a>
        </body></html>
        """;

    [Fact]
    public void A_listing_page_gives_its_article_links_once_and_the_page_number_template_gives_the_next()
    {
        var listing = new ListingDefinition { Url = "https://www.baokontum.com.vn/xa-hoi-8.html", PageUrl = "https://www.baokontum.com.vn/xa-hoi-8.html?page={page}", Pattern = @"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$" };

        var page = ListingReader.Read(ListingHtml, Page, listing, 3);

        Assert.Equal(["https://www.baokontum.com.vn/xa-hoi/bai-mot-101.html", "https://www.baokontum.com.vn/xa-hoi/bai-hai-102.html", "https://other.vn/xa-hoi/bai-103.html"], page.Articles.Select(a => a.ToString()));
        Assert.Equal("https://www.baokontum.com.vn/xa-hoi-8.html?page=4", page.Next!.ToString());
    }

    [Fact]
    public void Without_a_template_the_next_selector_or_rel_next_gives_the_next_page()
    {
        var bySelector = ListingReader.Read(ListingHtml, Page, new ListingDefinition { Url = Page.ToString(), Next = "a.sau", Links = "div.list a" }, 3);
        var byRel = ListingReader.Read(ListingHtml, Page, new ListingDefinition { Url = Page.ToString(), Links = "div.list a" }, 3);

        Assert.Equal("https://www.baokontum.com.vn/xa-hoi-8.html?page=9", bySelector.Next!.ToString());
        Assert.Equal("https://www.baokontum.com.vn/xa-hoi-8.html?page=4", byRel.Next!.ToString());
        Assert.Equal(2, byRel.Articles.Count);
    }

    [Fact]
    public void A_sitemap_index_lists_its_children_and_a_news_sitemap_its_pages_with_publication_dates()
    {
        var index = SitemapReader.Read("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://a.vn/sitemap-2024-11.xml.gz</loc><lastmod>2024-11-30</lastmod></sitemap><sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>
            """, new Uri("https://a.vn/sitemap.xml"));
        var news = SitemapReader.Read("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://a.vn/tin-1.html</loc><lastmod>2024-11-20</lastmod><news:news><news:publication_date>2024-11-18T08:30:00+07:00</news:publication_date><news:title>Tin một</news:title></news:news></url>
            <url><loc>https://a.vn/tin-2.html</loc><lastmod>2024-11-19</lastmod></url></urlset>
            """, new Uri("https://a.vn/sitemap-news.xml"));

        Assert.Equal(["https://a.vn/sitemap-2024-11.xml.gz", "https://a.vn/sitemap-news.xml"], index.Children.Select(c => c.Url.ToString()));
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 8, 30, 0, TimeSpan.FromHours(7)), news.Pages[0].Published);
        Assert.Equal("Tin một", news.Pages[0].Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 19, 0, 0, 0, TimeSpan.Zero), news.Pages[1].Published);
    }

    [Fact]
    public void Robots_txt_uses_our_group_with_its_crawl_delay_wildcards_and_sitemaps()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: Googlebot
            User-agent: MonitorBot
            Crawl-delay: 3
            Disallow: /tim-kiem
            Disallow: /*.pdf$
            Allow: /tim-kiem/huong-dan

            Sitemap: https://a.vn/sitemap.xml
            """, FetchOptions.RobotsToken);

        Assert.Equal(TimeSpan.FromSeconds(3), robots.CrawlDelay);
        Assert.Equal(["https://a.vn/sitemap.xml"], robots.Sitemaps);
        Assert.True(robots.Allows(new Uri("https://a.vn/xa-hoi/bai-1.html")));
        Assert.False(robots.Allows(new Uri("https://a.vn/tim-kiem?q=kon+tum")));
        Assert.True(robots.Allows(new Uri("https://a.vn/tim-kiem/huong-dan")));
        Assert.False(robots.Allows(new Uri("https://a.vn/van-ban/kh-123.pdf")));
        Assert.True(robots.Allows(new Uri("https://a.vn/van-ban/kh-123.pdf.html")));
    }
}
