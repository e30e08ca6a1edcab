using Monitor.Core.Articles;

namespace Monitor.Core.Tests.Articles;

public sealed class ArticleLineTests
{
    [Fact]
    public void A_line_with_an_id_and_a_title_gets_the_contracts_other_fields_derived()
    {
        var article = ArticleLine.Read("""{"id": "tuoitre-1", "url": null, "outlet": "Tuổi Trẻ", "title": "Ngộ độc", "published": "2024-11-12T08:00:00+07:00"}""");

        Assert.Equal(("tuoitre-1", "", "", "Ngộ độc", ""), (article.Id, article.Url, article.CanonicalUrl, article.Title, article.Text));
        Assert.Equal(ArticleId.ContentHash("Ngộ độc", null, ""), article.ContentHash);
        Assert.Equal(new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void A_line_with_only_a_url_gets_its_canonical_url_id_and_outlet_from_it()
    {
        var article = ArticleLine.Read("""{"url": "HTTPS://Baokontum.vn/a.html?utm_source=x#top", "text": "Nội dung", "published": "hôm qua"}""");

        Assert.Equal("https://baokontum.vn/a.html", article.CanonicalUrl);
        Assert.Equal(ArticleId.FromCanonicalUrl("https://baokontum.vn/a.html"), article.Id);
        Assert.Equal("baokontum.vn", article.Outlet);
        Assert.Null(article.Published);   // an unreadable date is left out, not a reason to refuse the article
    }

    [Theory]
    [InlineData("""{"id": "x"}""")]
    [InlineData("""{"title": "Tin không có id"}""")]
    [InlineData("""{"id": "x", "title": """)]
    [InlineData("""[1, 2]""")]
    public void A_line_without_an_id_or_without_a_title_and_text_is_refused(string line) =>
        Assert.Throws<FormatException>(() => ArticleLine.Read(line));

    [Fact]
    public void A_numeric_id_is_read_as_written() =>
        Assert.Equal("20241112", ArticleLine.Read("""{"id": 20241112, "text": "x"}""").Id);
}
