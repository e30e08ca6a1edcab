using Monitor.Core.Text;
using Monitor.Directives.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Directives.Tests;

[Trait("Category", "Browser")]
public sealed class PdfImportTests
{
    private static readonly string Source = Seeds.Data("gialai-2024-w49-weekly-guidance.txt");

    [Fact]
    public async Task A_pdf_with_a_text_layer_imports_the_same_themes_as_its_text()
    {
        using var dir = new TempDir();
        var pdf = await PdfMaker.TextPdfAsync(Source, dir.Path);

        var fromText = await new DirectiveImporter().ImportAsync(Source, new DirectiveImportOptions(), CancellationToken.None);
        var fromPdf = await new DirectiveImporter().ImportAsync(pdf, new DirectiveImportOptions(), CancellationToken.None);

        Assert.Equal(fromText.Themes.Select(t => t.Code), fromPdf.Themes.Select(t => t.Code));
        Assert.Equal(fromText.Themes.Select(t => VietnameseFolding.Key(t.Title)), fromPdf.Themes.Select(t => VietnameseFolding.Key(t.Title)));
        Assert.Equal(fromText.References.Select(r => r.Number), fromPdf.References.Select(r => r.Number));
    }

    [Fact]
    public async Task A_scanned_pdf_without_a_text_layer_is_read_through_ocr()
    {
        using var dir = new TempDir();
        var scan = await PdfMaker.ScannedPdfAsync(await PdfMaker.TextPdfAsync(Source, dir.Path), dir.Path);

        var fromText = await new DirectiveImporter().ImportAsync(Source, new DirectiveImportOptions(), CancellationToken.None);
        var fromScan = await new DirectiveImporter().ImportAsync(scan, new DirectiveImportOptions(), CancellationToken.None);

        Assert.Equal(fromText.Themes.Select(t => t.Code), fromScan.Themes.Select(t => t.Code));
        var sameTitles = fromText.Themes.Zip(fromScan.Themes).Count(p => VietnameseFolding.Key(p.First.Title) == VietnameseFolding.Key(p.Second.Title));
        Assert.True(sameTitles >= fromText.Themes.Count * 0.8, $"{sameTitles}/{fromText.Themes.Count} theme titles survive OCR");
        var references = fromScan.References.Select(r => r.Number).ToHashSet();
        Assert.True(fromText.References.Count(r => references.Contains(r.Number)) >= fromText.References.Count * 0.8, "document numbers survive OCR");
    }

    [Fact]
    public async Task A_scan_longer_than_the_ocr_page_limit_is_refused_in_one_line_before_any_page_is_read()
    {
        using var dir = new TempDir();
        var scan = await PdfMaker.ScannedPdfAsync(await PdfMaker.TextPdfAsync(Source, dir.Path), dir.Path);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() =>
            new DirectiveImporter().ImportAsync(scan, new DirectiveImportOptions { OcrMaxPages = 1 }, CancellationToken.None));

        Assert.Matches(@"^.*scan\.pdf: bản quét có \d+ trang, quá giới hạn 1 trang nhận dạng chữ \(OCR\) của một văn bản chỉ đạo$", e.Message);
    }

    [Fact]
    public async Task A_scan_that_takes_longer_than_the_ocr_time_budget_stops_with_one_line()
    {
        using var dir = new TempDir();
        var scan = await PdfMaker.ScannedPdfAsync(await PdfMaker.TextPdfAsync(Source, dir.Path), dir.Path);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() =>
            new DirectiveImporter().ImportAsync(scan, new DirectiveImportOptions { OcrTimeBudget = TimeSpan.FromMilliseconds(200) }, CancellationToken.None));

        Assert.Contains("nhận dạng chữ (OCR) bản quét", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("giây cho phép nên dừng", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
