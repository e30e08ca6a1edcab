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
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new DirectiveImportException(path, "the .docx has no document body");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.Append(ParagraphText(paragraph)).Append("\n\n");
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
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            throw new DirectiveImportException(path, "not a readable .docx document", e);
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
