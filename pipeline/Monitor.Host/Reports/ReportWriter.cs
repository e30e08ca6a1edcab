using System.Text;
using Spectre.Console;

namespace Monitor.Host.Reports;

/// <summary>Writes report tables as a console table, CSV (RFC 4180) or Markdown; JSON is the typed rows of the API
/// (<see cref="ReportJson"/>), not the table.</summary>
internal static class ReportWriter
{
    public static readonly string[] Formats = ["table", "json", "csv", "md"];

    public static void Write(IReadOnlyList<ReportTable> tables, string format, TextWriter output, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case "csv":
                output.Write(Csv(tables));
                break;
            case "md":
                output.Write(Markdown(tables));
                break;
            default:
                Table(tables, console);
                break;
        }
    }

    private static void Table(IReadOnlyList<ReportTable> tables, IAnsiConsole console)
    {
        foreach (var t in tables)
        {
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(t.Title));
            foreach (var column in t.Columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (var row in t.Rows)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            console.Write(table);
            foreach (var note in t.Notes)
            {
                console.WriteLine(note);
            }
        }
    }

    private static string Csv(IReadOnlyList<ReportTable> tables)
    {
        var csv = new StringBuilder();
        foreach (var t in tables)
        {
            // Each table: its title on a line of its own, the headings, the rows, the notes; a blank line between tables.
            CsvLine(csv, [t.Title]);
            CsvLine(csv, t.Columns);
            foreach (var row in t.Rows)
            {
                CsvLine(csv, row);
            }

            foreach (var note in t.Notes)
            {
                CsvLine(csv, [note]);
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static void CsvLine(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(c => c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c))).Append("\r\n");

    private static string Markdown(IReadOnlyList<ReportTable> tables)
    {
        var md = new StringBuilder();
        foreach (var t in tables)
        {
            md.Append("## ").Append(t.Title).Append("\n\n");
            md.Append("| ").Append(string.Join(" | ", t.Columns.Select(Md))).Append(" |\n");
            md.Append('|').Append(string.Concat(t.Columns.Select(_ => "---|"))).Append('\n');
            foreach (var row in t.Rows)
            {
                md.Append("| ").Append(string.Join(" | ", row.Select(Md))).Append(" |\n");
            }

            md.Append('\n');
            foreach (var note in t.Notes)
            {
                md.Append(note).Append("\n\n");
            }
        }

        return md.ToString();
    }

    private static string Md(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
