using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Monitor.Reports.Rendering;

/// <summary>The header and footer of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing body
/// and number on the left, quốc hiệu and tiêu ngữ with place and date on the right; "Nơi nhận" and an empty signature
/// block at the end. Every text is the caller's; the office fills the number and signs.</summary>
public sealed record AdministrativeFrame(
    string ParentBody,
    string IssuingBody,
    string Number,
    string PlaceAndDate,
    string DocumentKind,
    string Subject,
    IReadOnlyList<string> Recipients,
    string SignerTitle);

/// <summary>Word documents with DocumentFormat.OpenXml: A4, the decree's margins (top and bottom 20 mm, left 30 mm,
/// right 15 mm), Times New Roman 14 pt body and 13 pt tables, headings as styles "Heading1"/"Heading2" so that the
/// analyst's Word shows an outline.</summary>
public static class DocxRenderer
{
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int TableSize = 26; // 13 pt

    public static void Render(ReportDocument document, Stream output, AdministrativeFrame? frame = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        if (frame is not null)
        {
            body.Append(FrameHeader(frame));
            body.Append(Para(frame.DocumentKind, bold: true, center: true, style: "Title"));
            body.Append(Para(frame.Subject, bold: true, center: true));
        }
        else
        {
            body.Append(Para(document.Title, bold: true, center: true, style: "Title"));
        }

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    body.Append(Para(h.Text, bold: true, style: h.Level == 1 ? "Heading1" : "Heading2"));
                    break;
                case Paragraph p:
                    body.Append(Para(p.Text, indent: true));
                    break;
                case Items list:
                    foreach (var line in list.Lines)
                    {
                        body.Append(Para("- " + line.Text + (line.LinkText ?? "") + line.After + (line.Url is { } u ? $" ({u})" : ""), indent: true));
                    }

                    break;
                case Table t:
                    body.Append(Grid(t));
                    break;
            }
        }

        if (frame is not null)
        {
            body.Append(FrameFooter(frame));
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        RunProperties Run(int size, bool bold = false) => new(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Style Make(string id, string name, int size, bool bold) =>
            new(new StyleName { Val = name }, new PrimaryStyle(), new StyleRunProperties(Run(size, bold).ChildElements.Select(c => c.CloneNode(true))))
            { Type = StyleValues.Paragraph, StyleId = id };
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(Run(BodySize)), new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "80", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
            Make("Normal", "Normal", BodySize, false),
            Make("Title", "Title", BodySize, true),
            Make("Heading1", "heading 1", BodySize, true),
            Make("Heading2", "heading 2", BodySize, true));
        styles.Styles.Save();
    }

    internal static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool indent = false,
        string? style = null, int size = BodySize)
    {
        var props = new ParagraphProperties();
        if (style is not null)
        {
            props.Append(new ParagraphStyleId { Val = style });
        }

        props.Append(new SpacingBetweenLines { Before = "0", After = "60" });
        if (indent)
        {
            props.Append(new Indentation { FirstLine = "567" });
        }

        props.Append(new Justification { Val = center ? JustificationValues.Center : indent ? JustificationValues.Both : JustificationValues.Left });
        var run = new Run(new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }, bold ? new Bold() : new Bold { Val = false },
            italic ? new Italic() : new Italic { Val = false }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props, run);
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table Grid(Table t)
    {
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(t.Head, header: true));
        foreach (var row in t.Rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(Para(cell, bold: header, size: TableSize)));
        }

        return row;
    }

    /// <summary>Two borderless columns: issuing body and number | quốc hiệu, tiêu ngữ, place and date.</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Table FrameHeader(AdministrativeFrame f) => TwoColumns(
        [Para(f.ParentBody.ToUpperInvariant(), center: true, size: 26), Para(f.IssuingBody.ToUpperInvariant(), bold: true, center: true, size: 26),
         Para(f.Number, center: true, size: 26)],
        [Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 26), Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true),
         Para(f.PlaceAndDate, italic: true, center: true)],
        40);

    private static DocumentFormat.OpenXml.Wordprocessing.Table FrameFooter(AdministrativeFrame f) => TwoColumns(
        [Para("Nơi nhận:", bold: true, italic: true, size: 24), .. f.Recipients.Select(r => Para("- " + r + ";", size: 22))],
        [Para(f.SignerTitle.ToUpperInvariant(), bold: true, center: true), Para("(Ký, ghi rõ họ tên, đóng dấu)", italic: true, center: true), Para(""), Para(""), Para("")],
        50);

    private static DocumentFormat.OpenXml.Wordprocessing.Table TwoColumns(IEnumerable<OpenXmlElement> left, IEnumerable<OpenXmlElement> right, int leftPercent)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        TableCell Cell(IEnumerable<OpenXmlElement> content, int pct)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = (pct * 50).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
            cell.Append(content);
            return cell;
        }

        return new DocumentFormat.OpenXml.Wordprocessing.Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none),
            new TableRow(Cell(left, leftPercent), Cell(right, 100 - leftPercent)));
    }
}
