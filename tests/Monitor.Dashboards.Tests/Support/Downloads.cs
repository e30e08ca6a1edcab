using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Dashboards.Tests.Support;

/// <summary>Reads the dashboards' downloads back: the XLSX through OpenXml (a number cell as a double, text as a
/// string), the CSV as Excel would (UTF-8 with its byte order mark, RFC 4180 quoting).</summary>
internal static class Downloads
{
    public static List<List<object?>> Xlsx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Value).ToList()).ToList();
    }

    private static object? Value(Cell c) => c.DataType?.Value == CellValues.Number || (c.DataType is null && c.CellValue is not null)
        ? double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)
        : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : null;

    /// <summary>The CSV's rows; asserts the byte order mark Excel needs to read UTF-8.</summary>
    public static List<List<string>> Csv(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the CSV starts with the UTF-8 byte order mark");
        var text = new UTF8Encoding(false).GetString(file, 3, file.Length - 3);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else { cell.Append(c); }
        }

        return rows;
    }

    /// <summary>A file the page offers, downloaded by clicking its link in the browser.</summary>
    public static async Task<byte[]> ClickAsync(Microsoft.Playwright.IPage page, Microsoft.Playwright.ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>The visible text of each cell of a page's table, row by row (header row first).</summary>
    public static async Task<List<List<string>>> TableAsync(Microsoft.Playwright.ILocator table) =>
        (await table.Locator("tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))"))
            .Select(r => r.ToList()).ToList();
}
