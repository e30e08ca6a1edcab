using System.Text;

namespace Monitor.Dashboards.Exports;

/// <summary>CSV as Excel opens it with Vietnamese intact: UTF-8 with a byte order mark, commas, CRLF, RFC 4180 quoting.
/// A text cell that a spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe: crawled titles
/// are not trusted.</summary>
public static class CsvExport
{
    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        Line(text, table.Headers.Cast<object?>());
        foreach (var row in table.Rows)
        {
            Line(text, row);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>Writes the rows as they come (a long list read page by page), flushed every 1,000 lines.</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        var text = new StringBuilder();
        Line(text, headers.Cast<object?>());
        var lines = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            Line(text, row);
            if (++lines % 1000 == 0)
            {
                await writer.WriteAsync(text, ct);
                text.Clear();
            }
        }

        await writer.WriteAsync(text, ct);
        await writer.FlushAsync(ct);
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var value = ExportTable.Text(cell);
            if (cell is string && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            text.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        text.Append("\r\n");
    }
}
