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
        Write(stream, table.Name, table.Headers, table.Rows, table.Rows);
        return stream.ToArray();
    }

    /// <summary>Writes a workbook of rows read as they come (a long list read page by page) into a seekable stream (the
    /// package is a zip): the column widths are taken from the first 200 rows.</summary>
    public static async Task WriteAsync(Stream stream, string name, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var e = rows.GetAsyncEnumerator(ct);
        var first = new List<IReadOnlyList<object?>>();
        var more = true;
        while (first.Count < 200 && (more = await e.MoveNextAsync()))
        {
            first.Add(e.Current);
        }

        var rest = new List<IReadOnlyList<object?>>();
        Write(stream, name, headers, first, Rest());
        // The writer takes rows synchronously; the rest is read ahead in batches of 1,000 between its pulls.
        IEnumerable<IReadOnlyList<object?>> Rest()
        {
            foreach (var row in first)
            {
                yield return row;
            }

            while (more)
            {
                rest.Clear();
                while (rest.Count < 1000 && (more = e.MoveNextAsync().AsTask().GetAwaiter().GetResult()))
                {
                    rest.Add(e.Current);
                }

                foreach (var row in rest)
                {
                    yield return row;
                }
            }
        }
    }

    private static void Write(Stream stream, string name, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> sample, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
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
            writer.WriteElement(new Columns(headers.Select((h, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
                Width = Math.Clamp(sample.Take(200).Select(r => ExportTable.Text(r[i]).Length).Append(h.Length).Max() + 2, 8, 60),
            })));
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(Row(1, headers.Cast<object?>().ToList(), Bold));
            uint index = 2;
            foreach (var row in rows)
            {
                writer.WriteElement(Row(index++, row, 0));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(name) }));
        workbook.Workbook.Save();
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
