using Monitor.Crawlers.Extraction;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Extraction;

public sealed class PageImagesTests
{
    [Fact]
    public void A_figure_gives_its_image_resolved_against_the_page_and_its_caption()
    {
        var page = ArticleExtractor.Extract(Pages.Article(), new Uri("https://baomau.vn/thoi-su/hoi-nghi.html"));

        var image = Assert.Single(page.Images);
        Assert.Equal(new ExtractedImage("https://baomau.vn/a.jpg", "Chú thích ảnh: quang cảnh hội nghị"), image);
    }

    [Fact]
    public void Caption_tables_lazy_images_and_alt_texts_are_read_and_furniture_images_are_not()
    {
        const string html = """
            <html><head><meta property="og:image" content="https://baomau.vn/og.jpg"></head><body>
            <header><figure><img src="/logo.png"><figcaption>Báo Mẫu</figcaption></figure></header>
            <article><h1>Tiêu đề</h1>
              <table class="image"><tr><td><img src="data:image/gif;base64,R0lGOD" data-src="//cdn.baomau.vn/1.jpg"></td></tr>
                <tr><td class="image_desc">Lãnh đạo tỉnh thăm mô hình sản xuất</td></tr></table>
              <figure><img src="https://cdn.baomau.vn/2.jpg" alt="Sâm Ngọc Linh"></figure>
              <figure><img src="https://cdn.baomau.vn/2.jpg" alt="lặp lại"></figure>
            </article>
            <aside><figure><img src="/quang-cao.jpg"><figcaption>Quảng cáo</figcaption></figure></aside>
            </body></html>
            """;

        var page = ArticleExtractor.Extract(html, new Uri("https://baomau.vn/bai.html"));

        Assert.Equal(
            [new ExtractedImage("https://cdn.baomau.vn/1.jpg", "Lãnh đạo tỉnh thăm mô hình sản xuất"), new ExtractedImage("https://cdn.baomau.vn/2.jpg", "Sâm Ngọc Linh")],
            page.Images);
    }

    [Fact]
    public void A_page_without_figures_gives_its_declared_image_without_a_caption()
    {
        var page = ArticleExtractor.Extract("""<html><head><meta property="og:image" content="/og.jpg"></head><body><p>Chỉ có chữ.</p></body></html>""", new Uri("https://baomau.vn/bai.html"));

        Assert.Equal([new ExtractedImage("https://baomau.vn/og.jpg", null)], page.Images);
    }

    [SharedDataFact("corpus/htmldate-vnexpress")]
    [Trait("Category", "Corpus")]
    public void A_saved_vnexpress_page_gives_its_photo_with_the_caption_as_printed()
    {
        var html = File.ReadAllText(RepositoryPaths.Shared("corpus/htmldate-vnexpress/VnExpress.net-Kinh-doanh.html"));

        var page = ArticleExtractor.Extract(html, new Uri("https://vnexpress.net/bai.html"));

        var image = Assert.Single(page.Images);
        Assert.StartsWith("https://vcdn-kinhdoanh.vnecdn.net/", image.Url, StringComparison.Ordinal);
        Assert.Equal("Ông Hồ Đức Phớc, Bộ trưởng Tài chính. Ảnh: Hoàng Phong", image.Caption);
    }
}
