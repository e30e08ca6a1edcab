using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using Monitor.Core.Time;
using Monitor.Dashboards.Tests.Support;
using Monitor.Reports.Summary;
using Monitor.Reports.Tests.Support;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Reports.Tests;

/// <summary>The summary as a reader gets it: the Word file opened with OpenXml, the page rendered by Chromium, the PDF read back.</summary>
public sealed class SummaryRenderingTests
{
    private static readonly string[] Sections =
    [
        "Tổng quan", "Theo chủ đề", "Chỉ tiêu chậm tiến độ", "Bài tiêu biểu", "Văn bản được dẫn nhiều nhất", "Tuần tới (25/11/2024 – 01/12/2024)",
        "Nguồn tin cần chú ý", "Đề xuất", "Phụ lục: số bài theo chủ đề và cơ quan",
    ];

    private static async Task<WeeklySummary> Week47Async(SummaryStore store) =>
        (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W47"), CancellationToken.None))!;

    [Fact]
    public async Task The_word_file_has_the_sections_as_headings_and_one_annex_row_per_theme_and_outlet()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = await Week47Async(store);
        var path = Path.Combine(store.DataDir, "w47.docx");
        await SummaryFormats.WriteFileAsync(s, "docx", path, CancellationToken.None);

        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(Sections, headings);
        Assert.Equal("Tóm tắt tuần 47/2024 (18/11/2024 – 24/11/2024)", body.Elements<Paragraph>().First().InnerText);
        var annex = body.Elements<Table>().Last().Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        // W47: 1.2 by A (a4), 1.3 by B (a5), 2.5 uncovered.
        Assert.Equal([["1.2", "Phòng ngừa ngộ độc thực phẩm", A, "1", "2"], ["1.3", "Phòng cháy xe điện", B, "1", "1"], ["2.5", "Kỳ họp thứ 8 Quốc hội", "chưa có bài", "0", "0"]], annex);
        var page = body.Elements<SectionProperties>().Single();
        Assert.Equal((11906U, 16838U), (page.GetFirstChild<PageSize>()!.Width!.Value, page.GetFirstChild<PageSize>()!.Height!.Value));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Chromium_shows_a_reader_the_headline_the_quota_behind_and_the_recommendations()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = await Week47Async(store);
        var file = Path.Combine(store.DataDir, "w47.html");
        await SummaryFormats.WriteFileAsync(s, "html", file, CancellationToken.None);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // A phone's viewport: the page must read without sideways scrolling of the text.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal("Tóm tắt tuần 47/2024 (18/11/2024 – 24/11/2024)", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Sections, await page.Locator("h2").AllInnerTextsAsync());
        var overview = await page.Locator("h2:has-text('Tổng quan') + ul li").AllInnerTextsAsync();
        Assert.Equal("2 tin, bài về các chủ đề của kế hoạch (không đổi so với tuần trước: 2).", overview[0]);
        Assert.Equal($"{A} — 2 tin, bài/tuần: phải có 4, đã có 3, còn thiếu 1. «mỗi tuần 02 tin, bài»",
            await page.Locator("h2:has-text('Chỉ tiêu chậm tiến độ') + ul li").InnerTextAsync());
        var proposals = await page.Locator("h2:has-text('Đề xuất') + ul li").AllInnerTextsAsync();
        Assert.Equal(s.Recommendations, proposals);
        Assert.Equal("https://x.vn/a4", await page.Locator("h2:has-text('Bài tiêu biểu') + ul a").First.GetAttributeAsync("href"));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_pdf_is_chromiums_print_of_the_page_and_reads_back_as_text()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = await Week47Async(store);
        var pdf = Path.Combine(store.DataDir, "w47.pdf");
        await SummaryFormats.WriteFileAsync(s, "pdf", pdf, CancellationToken.None);

        var text = await PdfTextAsync(pdf);
        Assert.Contains("Tóm tắt tuần 47/2024", text, StringComparison.Ordinal);
        Assert.Contains("Đề xuất", text, StringComparison.Ordinal);
        Assert.Contains("còn thiếu 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_and_html_say_the_same_lines()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = await Week47Async(store);
        var md = SummaryFormats.Text(s, "md");
        var html = SummaryFormats.Text(s, "html");
        foreach (var line in s.Recommendations)
        {
            Assert.Contains("- " + line, md, StringComparison.Ordinal);
            Assert.Contains(Monitor.Reports.Rendering.HtmlRenderer.E(line), html, StringComparison.Ordinal);
        }

        Assert.StartsWith("# Tóm tắt tuần 47/2024", md, StringComparison.Ordinal);
    }

    internal static async Task<string> PdfTextAsync(string pdf)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, ArgumentList = { "-layout", pdf, "-" } };
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
