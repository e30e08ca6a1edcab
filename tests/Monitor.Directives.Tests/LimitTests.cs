using System.IO.Compression;
using System.Text;
using Monitor.Directives.Reading;

namespace Monitor.Directives.Tests;

/// <summary>Directives that would exhaust the machine are refused in one line; text in other encodings and with
/// invisible characters is read as the analyst sees it.</summary>
public sealed class LimitTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("monitor-limits-");

    private const string Directive = """
        KẾ HOẠCH
        Truyền thông du lịch tỉnh Kon Tum năm 2024
        I. NỘI DUNG
        1. Truyền thông du lịch: quảng bá Festival Sâm Ngọc Linh (01 chuyên mục/tháng) trên Báo Kon Tum.
        Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch.
        """;

    [Fact]
    public async Task A_docx_whose_one_text_run_unpacks_to_hundreds_of_megabytes_is_refused_before_it_is_loaded()
    {
        var path = RawDocx("bomb.docx", w => w.Write("<w:p><w:r><w:t>" + new string('a', 40 * 1024 * 1024) + "</w:t></w:r></w:p>"));
        Assert.True(new FileInfo(path).Length < 200 * 1024);

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Equal($"{path}: phần word/document.xml của .docx giải nén ra hơn 16 MiB, quá giới hạn", e.Message);
    }

    [Fact]
    public async Task A_docx_of_a_million_empty_paragraphs_is_refused_as_too_long()
    {
        var path = RawDocx("paragraphs.docx", w =>
        {
            for (var i = 0; i < 1_100_000; i++)
            {
                w.Write("<w:p/>");
            }
        });

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Contains("dài hơn 2,000,000 ký tự", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_longer_than_the_limit_is_refused_in_one_line()
    {
        var path = Path.Combine(_dir.FullName, "long.txt");
        await File.WriteAllTextAsync(path, Directive + string.Concat(Enumerable.Repeat("Nội dung tuyên truyền lặp lại.\n", 80_000)));

        var e = await Assert.ThrowsAsync<DirectiveImportException>(() => Import(path));

        Assert.Equal($"{path}: văn bản dài hơn {DirectiveLimits.MaxTextChars:N0} ký tự, giới hạn của một văn bản chỉ đạo; hãy tách văn bản", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_UTF16_directive_with_a_byte_order_mark_is_read_like_its_UTF8_text(bool bigEndian)
    {
        var path = Path.Combine(_dir.FullName, "utf16.txt");
        await File.WriteAllBytesAsync(path, [.. new UnicodeEncoding(bigEndian, byteOrderMark: true).GetPreamble(), .. new UnicodeEncoding(bigEndian, false).GetBytes(Directive)]);
        var utf8 = Path.Combine(_dir.FullName, "utf8.txt");
        await File.WriteAllTextAsync(utf8, Directive);

        var plan = await Import(path);

        Assert.Equal(Core.Plans.PlanFile.ToYaml(await Import(utf8)).Replace("utf8", "utf16", StringComparison.Ordinal), Core.Plans.PlanFile.ToYaml(plan));
        Assert.Equal("Truyền thông du lịch", Assert.Single(plan.Themes).Title);
    }

    [Fact]
    public async Task Bidi_overrides_and_zero_width_characters_never_reach_titles_or_keywords()
    {
        var path = Path.Combine(_dir.FullName, "hidden.txt");
        await File.WriteAllTextAsync(path, Directive.Replace("Truyền thông du lịch:", "Truyền\u200B thông\u202E du\u2066 lịch\u200D:", StringComparison.Ordinal));

        var plan = await Import(path);

        var theme = Assert.Single(plan.Themes);
        Assert.Equal("Truyền thông du lịch", theme.Title);
        Assert.DoesNotContain(theme.Keywords, k => k.Any(c => c is '\u200B' or '\u202E' or '\u2066' or '\u200D'));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static Task<Core.Plans.Plan> Import(string path) =>
        new DirectiveImporter().ImportAsync(path, new DirectiveImportOptions(), CancellationToken.None);

    /// <summary>A minimal .docx whose document body the caller writes (as a hostile tool would, without the SDK).</summary>
    private string RawDocx(string name, Action<StreamWriter> body)
    {
        var path = Path.Combine(_dir.FullName, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            body(writer);
            writer.Write("</w:body></w:document>");
        }

        return path;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
