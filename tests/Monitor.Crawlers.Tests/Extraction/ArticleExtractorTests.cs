using Monitor.Crawlers.Extraction;

namespace Monitor.Crawlers.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void Json_ld_news_article_gives_title_dates_author_section_and_tags()
    {
        var page = ArticleExtractor.Extract(Pages.Article(head: """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo Mẫu"},
            {"@type":"NewsArticle","headline":"Tỉnh khai mạc hội chợ &amp; triển lãm","datePublished":"2024-11-18T08:30:00+07:00",
            "dateModified":"2024-11-18T10:00:00+07:00","author":[{"@type":"Person","name":"Nguyễn Văn A"}],
            "articleSection":"Kinh tế","keywords":"hội chợ, triển lãm"}]}</script>
            """));

        Assert.Equal("Tỉnh khai mạc hội chợ & triển lãm", page.Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 8, 30, 0, Vietnam), page.Published);
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 10, 0, 0, Vietnam), page.Modified);
        Assert.Equal("Nguyễn Văn A", page.Author);
        Assert.Equal("Kinh tế", page.Section);
        Assert.Equal(["hội chợ", "triển lãm"], page.Tags);
    }

    [Fact]
    public void A_fact_check_page_is_read_from_its_claim_review_and_not_from_the_claim_it_reviews()
    {
        var page = ArticleExtractor.Extract(Pages.Article(head: """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"ClaimReview",
            "name":"Kiểm chứng: tin đồn về hội nghị là sai","datePublished":"2024-11-20 09:15",
            "itemReviewed":{"@type":"Claim","datePublished":"2024-11-17","author":{"@type":"Person","name":"Tài khoản ẩn danh"}},
            "author":{"@type":"Organization","name":"Báo Mẫu Kiểm chứng"}}]}</script>
            """));

        Assert.Equal("Kiểm chứng: tin đồn về hội nghị là sai", page.Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 9, 15, 0, Vietnam), page.Published);
        Assert.Equal("Báo Mẫu Kiểm chứng", page.Author);
    }

    [Fact]
    public void Open_graph_and_meta_fill_in_when_there_is_no_json_ld()
    {
        var page = ArticleExtractor.Extract(Pages.Article(head: """
            <meta property="og:title" content="Hội nghị tổng kết năm - Báo Mẫu"><meta property="og:site_name" content="Báo Mẫu">
            <meta property="article:published_time" content="2025-06-30T01:54:00Z"><meta property="article:section" content="Thời sự">
            <meta property="article:tag" content="hội nghị"><link rel="canonical" href="/tin/hoi-nghi-123.html">
            """, lang: "vi-VN"), new Uri("https://baomau.vn/x?utm_source=rss"));

        Assert.Equal("Hội nghị tổng kết năm", page.Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 8, 54, 0, Vietnam), page.Published);
        Assert.Equal("Thời sự", page.Section);
        Assert.Equal(["hội nghị"], page.Tags);
        Assert.Equal("https://baomau.vn/tin/hoi-nghi-123.html", page.CanonicalUrl);
        Assert.Equal("vi", page.Language);
    }

    [Theory]
    [InlineData("Thứ Hai, 18/11/2024 - 08:30", 2024, 11, 18, 8, 30, 7)]
    [InlineData("18/11/2024 08:30 GMT+7", 2024, 11, 18, 8, 30, 7)]
    [InlineData("Cập nhật: 30/06/2025 08:54", 2025, 6, 30, 8, 54, 7)]
    [InlineData("Thứ bảy, 1/2/2025, 14h05 (GMT+7)", 2025, 2, 1, 14, 5, 7)]
    public void Visible_vietnamese_dates_are_read_in_vietnam_time(string printed, int y, int mo, int d, int h, int mi, int zone)
    {
        var page = ArticleExtractor.Extract(Pages.Article(dateLine: $"<span class=\"date\">{printed}</span>"));

        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromHours(zone)), page.Published);
    }

    [Fact]
    public void The_article_date_wins_over_the_date_of_today_printed_in_the_site_header()
    {
        var page = ArticleExtractor.Extract(Pages.Article(header: "<div class=\"top\"><span>Thứ Tư, 20/11/2024</span></div>",
            dateLine: "<div class=\"post-date\">Thứ Hai, 18/11/2024 - 08:30</div>"));

        Assert.Equal(new DateTimeOffset(2024, 11, 18, 8, 30, 0, Vietnam), page.Published);
    }

    [Fact]
    public void Time_element_datetime_is_read_with_its_zone()
    {
        var page = ArticleExtractor.Extract(Pages.Article(dateLine: "<time datetime=\"2024-11-18T01:30:00Z\">hôm qua</time>"));

        Assert.Equal(new DateTimeOffset(2024, 11, 18, 1, 30, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Body_keeps_the_paragraphs_and_drops_menus_share_bars_related_links_comments_and_scripts()
    {
        var page = ArticleExtractor.Extract(Pages.Article());

        Assert.Contains(Pages.FirstParagraph, page.Text, StringComparison.Ordinal);
        Assert.Contains(Pages.LastParagraph, page.Text, StringComparison.Ordinal);
        foreach (var furniture in new[] { "Trang chủ", "Chia sẻ Facebook", "Tin liên quan", "Bình luận của bạn đọc", "var tracker" })
        {
            Assert.DoesNotContain(furniture, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_body_cut_into_one_wrapper_per_group_of_paragraphs_is_read_whole_without_its_look_alike_date_row()
    {
        const string Short = "Sáng 18/11, đoàn công tác của tỉnh đã đến thăm và làm việc tại xã biên giới.";
        const string Long = "Tại buổi làm việc, lãnh đạo xã báo cáo kết quả thực hiện các chương trình mục tiêu quốc gia, trong đó có xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số; đồng thời kiến nghị tỉnh quan tâm đầu tư hạ tầng giao thông, trường học và trạm y tế, hỗ trợ người dân chuyển đổi cây trồng, phát triển du lịch cộng đồng gắn với bảo tồn văn hóa truyền thống của địa phương trong giai đoạn tới.";
        const string Closing = "Đoàn ghi nhận các kiến nghị và giao các sở, ngành liên quan nghiên cứu, giải quyết.";
        var html = $$"""
            <html><body><h1>Đoàn công tác thăm xã biên giới</h1><div class="story">
              <div class="column meta"><small>Đăng lúc: Thứ Hai, 18/11/2024 - 08:30</small></div>
              <div class="column"><div class="inner"><p>{{Short}}</p></div></div>
              <div class="column"><div class="inner"><p>{{Long}}</p></div></div>
              <div class="column wide"><div class="inner"><p>{{Closing}}</p></div></div>
            </div></body></html>
            """;

        var page = ArticleExtractor.Extract(html);

        Assert.Equal(string.Join('\n', Short, Long, Closing), page.Text);
    }

    [Fact]
    public void A_short_post_outweighed_by_its_comments_still_gives_its_own_text()
    {
        const string Comment = "<li class=\"comment\"><p>Bạn đọc góp ý: đề nghị tỉnh công khai danh sách các dự án chậm tiến độ và lý do cụ thể của từng dự án để người dân cùng theo dõi, giám sát.</p></li>";
        var html = $"""
            <html><body><article><h1>Mở diễn đàn góp ý quý IV</h1>
            <div class="entry"><p>{Pages.FirstParagraph}</p></div>
            <ol class="commentlist">{string.Concat(Enumerable.Repeat(Comment, 60))}</ol>
            </article></body></html>
            """;

        var page = ArticleExtractor.Extract(html);

        Assert.Equal(Pages.FirstParagraph, page.Text);
    }

    [Fact]
    public void A_caption_between_paragraphs_is_read_with_the_body_and_the_trailing_signature_is_not()
    {
        var html = Pages.Article().Replace(Pages.LastParagraph + "</p>",
            Pages.LastParagraph + "</p><p style=\"text-align: right;\"><strong>Lê Phương</strong></p>", StringComparison.Ordinal);

        var page = ArticleExtractor.Extract(html);

        Assert.Contains("Chú thích ảnh: quang cảnh hội nghị", page.Text, StringComparison.Ordinal);
        Assert.EndsWith(Pages.LastParagraph, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Phương", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sapo_comes_first_in_the_text_and_in_its_own_field()
    {
        var page = ArticleExtractor.Extract(Pages.Article(lead: "<h2 class=\"detail-sapo\">Sáng nay, tỉnh tổ chức hội nghị tổng kết công tác tuyên truyền năm 2024.</h2>"));

        Assert.Equal("Sáng nay, tỉnh tổ chức hội nghị tổng kết công tác tuyên truyền năm 2024.", page.Lead);
        Assert.StartsWith(page.Lead, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_selector_wins_and_a_selector_that_matches_nothing_falls_back_to_the_generic_rules()
    {
        var html = Pages.Article(dateLine: "<span class=\"ngay-dang\">02/01/2025 07:15</span>");
        var profile = new ExtractionProfile { Title = "h1", Body = ".no-such-body", Date = ".ngay-dang", Section = ".no-such-section" };

        var page = ArticleExtractor.Extract(html, null, profile);

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 7, 15, 0, Vietnam), page.Published);
        Assert.Contains(Pages.FirstParagraph, page.Text, StringComparison.Ordinal);
        Assert.Null(page.Section);
    }

    [Fact]
    public void A_profile_body_selector_reads_only_the_named_element()
    {
        var page = ArticleExtractor.Extract(Pages.Article(), null, new ExtractionProfile { Body = "#p-last" });

        Assert.Equal(Pages.LastParagraph, page.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<<<>>>&&&;")]
    [InlineData("<html><body><p>Mở thẻ không đóng<div><span><a href=")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":</script><p>JSON hỏng</p>")]
    [InlineData("<script type=\"application/ld+json\">[1, \"x\", {\"@type\": 5}]</script>")]
    [InlineData("<meta property=\"article:published_time\" content=\"99/99/9999\"><p>31/02/2024 25:61</p>")]
    public void Malformed_markup_never_throws(string html)
    {
        var page = ArticleExtractor.Extract(html, null, new ExtractionProfile { Body = "p[[[", Title = ">>>" });

        Assert.NotNull(page.Text);
    }

    [Fact]
    public void Nesting_just_under_the_cap_is_read_without_overflowing_the_stack()
    {
        // Deeper pages are refused (PageLimitTests); 5,000 levels were read here before the cap.
        var html = string.Concat(Enumerable.Repeat("<div>", PageLimits.Default.MaxDepth - 10)) + "<p>" + Pages.FirstParagraph + "</p>";

        var page = ArticleExtractor.Extract(html);

        Assert.Contains(Pages.FirstParagraph, page.Text, StringComparison.Ordinal);
    }
}
