using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Monitor.Directives.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("monitor-directives-");

    [Fact]
    public async Task An_empty_file_is_refused_in_one_line_naming_the_file()
    {
        var path = Write("empty.txt", []);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Equal($"{path}: tệp rỗng", e.Message);
    }

    [Fact]
    public async Task A_binary_that_is_not_a_document_is_refused()
    {
        var path = Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Contains("dữ liệu nhị phân", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_docx_without_text_is_refused()
    {
        var path = Docx("blank.docx");

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Equal($"{path}: văn bản không có chữ nào", e.Message);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_docx_is_refused()
    {
        var path = Write("fake.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Contains("không đọc được tệp .docx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_directive_is_read_like_its_text()
    {
        var path = Docx("plan.docx", "KẾ HOẠCH", "Truyền thông du lịch tỉnh Kon Tum năm 2024", "I. NỘI DUNG",
            "1. Truyền thông du lịch: quảng bá Festival Sâm Ngọc Linh (01 chuyên mục/tháng) trên Báo Kon Tum.",
            "Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch.");

        var plan = await Import(path);

        var theme = Assert.Single(plan.Themes);
        Assert.Equal(("1", "Truyền thông du lịch"), (theme.Code, theme.Title));
        Assert.Equal(new DateOnly(2024, 12, 31), theme.Window.To);
        Assert.Contains("Sở Văn hóa, Thể thao và Du lịch", theme.Units);
        Assert.Equal("1", Assert.Single(plan.Quotas).Theme);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static Task<Monitor.Core.Plans.Plan> Import(string path) =>
        new DirectiveImporter().ImportAsync(path, new DirectiveImportOptions(), CancellationToken.None);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Docx(string name, params string[] paragraphs)
    {
        var path = Path.Combine(_dir.FullName, name);
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        main.Document.Save();
        return path;
    }
}
