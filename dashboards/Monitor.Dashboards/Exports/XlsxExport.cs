using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Dashboards.Exports;

/// <summary>An XLSX workbook of one sheet (DocumentFormat.OpenXml): a bold header row, numbers as numbers, days as real
/// dates (dd/mm/yyyy), text as inline strings (never formulas), the header frozen.</summary>
public static class XlsxExport
{
    private const uint Bold = 1;
    private const uint Date = 2;

    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            // Written as a stream of rows (OpenXmlWriter), not a document tree: a list of 100,000 articles stays small in memory.
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                {
                    WorkbookViewId = 0,
                }));
                writer.WriteElement(new Columns(table.Headers.Select((h, i) => new Column
                {
                    Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
                    Width = Math.Clamp(table.Rows.Take(200).Select(r => ExportTable.Text(r[i]).Length).Append(h.Length).Max() + 2, 8, 60),
                })));
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(Row(1, table.Headers.Cast<object?>().ToList(), Bold));
                for (var i = 0; i < table.Rows.Count; i++)
                {
                    writer.WriteElement(Row((uint)i + 2, table.Rows[i], 0));
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Name) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            var cell = cells[i] switch
            {
                null => new Cell { CellReference = reference },
                DateOnly d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()), DataType = CellValues.Number, StyleIndex = Date },
                var n when ExportTable.IsNumber(n) => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(n, CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                var v => new Cell(new InlineString(new Text(XmlSafe(ExportTable.Text(v))) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString },
            };
            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    // Excel's column letters: A … Z, AA …
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // A crawled text may hold control characters XML 1.0 cannot carry.
    private static string XmlSafe(string text) => text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'))
        ? string.Concat(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')) : text;

    // A sheet name: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var safe = string.Concat(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c));
        return safe.Length is 0 ? "Bang" : safe.Length > 31 ? safe[..31] : safe;
    }

    // Cell formats: 0 plain, 1 bold (header), 2 a date shown dd/mm/yyyy.
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
}
