using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Monitor.Directives.Reading;

/// <summary>Text of a .docx: one line per paragraph (tables row by row), footnotes appended with their marks so
/// the parser attaches them like those of a text file.</summary>
internal static class DocxText
{
    private static readonly string[] Superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

    public static string Read(string path, byte[] bytes)
    {
        try
        {
            CheckSizes(path, bytes);
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = DirectiveLimits.MaxDocxPartBytes });
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new DirectiveImportException(path, "tệp .docx không có phần nội dung văn bản (word/document.xml)");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.Append(ParagraphText(paragraph)).Append("\n\n");
                if (text.Length > DirectiveLimits.MaxTextChars)
                {
                    throw TooLong(path);
                }
            }

            foreach (var note in doc.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            {
                if (note.Id?.Value is long id and > 0)
                {
                    text.Append(Mark(id)).Append(' ').Append(note.InnerText.Trim()).Append("\n\n");
                }
            }

            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new DirectiveImportException(path, "không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word)", e);
        }
    }

    internal static DirectiveImportException TooLong(string path) =>
        new(path, $"văn bản dài hơn {DirectiveLimits.MaxTextChars:N0} ký tự, giới hạn của một văn bản chỉ đạo; hãy tách văn bản");

    // Sizes in the zip directory can lie: the XML parts (the only ones read) are unpacked here, counting, before the
    // SDK loads them; the others (images) are never unpacked, their declared sizes bound the total.
    private static void CheckSizes(string path, byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > DirectiveLimits.MaxDocxEntries)
        {
            throw new DirectiveImportException(path, $".docx có {zip.Entries.Count:N0} mục, quá giới hạn {DirectiveLimits.MaxDocxEntries:N0}");
        }

        if (zip.Entries.Sum(e => e.Length) > DirectiveLimits.MaxDocxBytes)
        {
            throw new DirectiveImportException(path, $".docx giải nén ra hơn {DirectiveLimits.MaxDocxBytes / (1024 * 1024)} MiB, quá giới hạn");
        }

        var buffer = new byte[81920];
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var part = entry.Open();
            long total = 0;
            int read;
            while ((read = part.Read(buffer)) > 0)
            {
                total += read;
                if (total > DirectiveLimits.MaxDocxPartBytes)
                {
                    throw new DirectiveImportException(path, $"phần {entry.FullName} của .docx giải nén ra hơn {DirectiveLimits.MaxDocxPartBytes / (1024 * 1024)} MiB, quá giới hạn");
                }
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break:
                    text.Append('\n');
                    break;
                case FootnoteReference r when r.Id?.Value is long id:
                    text.Append(Mark(id));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Mark(long id) => string.Concat(id.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Superscripts[c - '0']));
}
