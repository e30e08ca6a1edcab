using Monitor.Crawlers.Extraction;

namespace Monitor.Crawlers.Tests.Extraction;

/// <summary>100,000 nested divs took 53 s to extract (the parser checks the whole stack of open elements at every
/// tag); a page nested past the cap, or one that takes longer than the time budget, is now an extraction error of
/// that page.</summary>
public sealed class PageLimitTests
{
    private const string Prose = "Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.";

    private static string Nested(string open, string close, int depth) =>
        "<html><head><title>Trang lồng sâu</title></head><body>" + string.Concat(Enumerable.Repeat(open, depth)) + "<p>" + Prose + "</p>"
        + string.Concat(Enumerable.Repeat(close, depth)) + "</body></html>";

    [Theory]
    [InlineData("<div>", "</div>", 20_000)]
    [InlineData("<span>", "</span>", 20_000)]
    [InlineData("<div>", "", 20_000)]
    [InlineData("<div><b>", "</b></div>", 600)]
    public void A_page_nested_past_the_cap_is_an_extraction_error(string open, string close, int depth)
    {
        var e = Assert.Throws<ExtractionException>(() => ArticleExtractor.Extract(Nested(open, close, depth), new Uri("https://a.vn/bai.html")));

        Assert.Equal("extraction-limit", e.Kind);
        Assert.Contains("lồng quá 1000 tầng", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("https://a.vn/bai.html: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_paragraphs_list_items_and_cells_close_themselves_and_do_not_count_as_depth()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<p>" + Prose, 3_000)) + "<ul>" + string.Concat(Enumerable.Repeat("<li>mục", 2_000))
            + "</ul><table>" + string.Concat(Enumerable.Repeat("<tr><td>a<td>b", 2_000)) + "</table><br><img src=x.png><hr></article></body></html>";

        var page = ArticleExtractor.Extract(html);

        Assert.Contains(Prose, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_nested_within_the_cap_is_read()
    {
        var page = ArticleExtractor.Extract(Nested("<div>", "</div>", 300));

        Assert.Contains(Prose, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_takes_longer_than_the_time_budget_is_an_extraction_error()
    {
        var limits = new PageLimits { TimeBudget = TimeSpan.Zero };

        var e = Assert.Throws<ExtractionException>(() => ArticleExtractor.Extract(Nested("<div>", "</div>", 10), null, null, limits));

        Assert.Equal("extraction-limit", e.Kind);
        Assert.Contains("quá thời gian", e.Message, StringComparison.Ordinal);
    }
}
