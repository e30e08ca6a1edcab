using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Monitor.Reports.Results;
using Monitor.Reports.Tests.Support;
using Monitor.Storage.Coverage;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Reports.Tests;

/// <summary>The results report opened as the office opens it: a Word file in the frame of Nghị định 30/2020/NĐ-CP.</summary>
public sealed class ResultsReportTests
{
    private static async Task<(ResultsReport Report, WordprocessingDocument Doc)> DocxAsync(SummaryStore store, DateOnly? from = null, DateOnly? to = null)
    {
        var builder = new ResultsBuilder(store.Coverage, new SqliteArticleStore(store.Db), store.Time);
        var report = (await builder.BuildAsync("w46", from, to, CancellationToken.None))!;
        var path = Path.Combine(store.DataDir, Guid.NewGuid().ToString("N") + ".docx");
        await ResultsFormats.WriteFileAsync(report, new ReportIssuer { ParentBody = "UBND tỉnh Kon Tum", Body = "Sở Thông tin và Truyền thông", Place = "Kon Tum", SignerTitle = "Giám đốc" },
            new DateOnly(2025, 1, 10), "docx", path, CancellationToken.None);
        return (report, WordprocessingDocument.Open(path, false));
    }

    private static Table Annex(Body body) => body.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.Contains("Tiêu đề", StringComparison.Ordinal));

    [Fact]
    public async Task The_annex_has_one_row_per_counted_article_and_the_body_follows_the_plans_themes()
    {
        await using var store = await SummaryStore.CreateAsync();
        var (report, doc) = await DocxAsync(store);
        using var _ = doc;
        var body = doc.MainDocumentPart!.Document!.Body!;

        // Inside the windows up to today (1 March 2025): a2, a3, a4, a5, a6. a1 is before the windows, a7 after 1.2's window.
        var annex = Annex(body).Elements<TableRow>().Skip(1).ToList();
        Assert.Equal(5, annex.Count);
        Assert.Equal(5, report.Articles);
        Assert.Equal(["Tin a2", "Tin a3", "Tin a4", "Tin a5", "Tin a6"], annex.Select(r => r.Elements<TableCell>().ElementAt(4).InnerText));
        Assert.Equal(["11/11/2024", Plan().Themes[0].Code + ", " + Plan().Themes[1].Code], annex[0].Elements<TableCell>().Where((_, i) => i is 1 or 5).Select(c => c.InnerText));
        Assert.Equal("https://x.vn/a5", annex[3].Elements<TableCell>().Last().InnerText);
        Assert.Equal("Phòng cháy", annex[3].Elements<TableCell>().ElementAt(3).InnerText);

        string[] Style(string id) => body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == id).Select(p => p.InnerText).ToArray();
        Assert.Equal(["I. KẾT QUẢ THỰC HIỆN", "II. THỰC HIỆN CHỈ TIÊU", "III. CHỦ ĐỀ CHƯA CÓ TIN, BÀI", "PHỤ LỤC: DANH SÁCH TIN, BÀI ĐƯỢC TÍNH"], Style("Heading1"));
        Assert.Equal(Plan().Themes.Select(t => $"{t.Code}. {t.Title}"), Style("Heading2"));
        var text = body.InnerText;
        Assert.Contains("Có 3 tin, bài của 1 cơ quan: Báo Kon Tum (3).", text, StringComparison.Ordinal); // 1.2: a2 a3 a4
        Assert.Contains("Có 3 tin, bài của 2 cơ quan: Đài PT-TH Kon Tum (2), Báo Kon Tum (1).", text, StringComparison.Ordinal); // 1.3: a5 a6, a2
    }

    [Fact]
    public async Task The_frame_is_the_decrees_quoc_hieu_tieu_ngu_number_place_date_title_recipients_and_an_empty_signature()
    {
        await using var store = await SummaryStore.CreateAsync();
        var (_, doc) = await DocxAsync(store);
        using var _ = doc;
        var body = doc.MainDocumentPart!.Document!.Body!;
        var header = body.Elements<Table>().First().InnerText;
        Assert.Contains("UBND TỈNH KON TUM", header, StringComparison.Ordinal);
        Assert.Contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", header, StringComparison.Ordinal);
        Assert.Contains("Số:      /BC-STTTT", header, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", header, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", header, StringComparison.Ordinal);
        Assert.Contains("Kon Tum, ngày 10 tháng 01 năm 2025", header, StringComparison.Ordinal);
        var title = body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title");
        Assert.Equal("BÁO CÁO", title.InnerText);
        Assert.StartsWith("Kết quả thực hiện", title.NextSibling<Paragraph>()!.InnerText, StringComparison.Ordinal);
        var footer = body.Elements<Table>().Last(t => t.InnerText.Contains("Nơi nhận", StringComparison.Ordinal)).InnerText;
        Assert.Contains("Lưu: VT", footer, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC", footer, StringComparison.Ordinal);

        // Times New Roman, 13–14 pt everywhere in the body text; A4 with the decree's margins (20/20/30/15 mm).
        var sizes = body.Descendants<FontSize>().Select(s => int.Parse(s.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture)).Where(s => s >= 26).Distinct().Order();
        Assert.Equal([26, 28], sizes);
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
        var margin = body.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701U, 850U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
    }

    [Fact]
    public async Task A_range_narrows_every_count_and_the_annex()
    {
        await using var store = await SummaryStore.CreateAsync();
        var (report, doc) = await DocxAsync(store, new DateOnly(2024, 11, 18), new DateOnly(2024, 11, 24));
        using var _ = doc;
        // W47 only: a4 (A, 1.2) and a5 (B, 1.3).
        Assert.Equal(["Tin a4", "Tin a5"], report.Annex.Select(a => a.Title));
        Assert.Equal([1, 1, 0, 0], report.Themes.Select(t => t.Articles));
        Assert.Equal(2, Annex(doc.MainDocumentPart!.Document!.Body!).Elements<TableRow>().Count() - 1);
    }
}
