using System.Globalization;

namespace Monitor.Dashboards.Exports;

/// <summary>One column of an exported table: its Vietnamese header and how a typed row gives its cell (a number stays a
/// number, a day a <see cref="DateOnly"/>, anything else text).</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>A table as the pages show it, ready for CSV or XLSX: a name (file and sheet), headers, and typed cells
/// (string, int, long, double, decimal, DateOnly or null).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Builds the table from typed rows, one cell per column.</summary>
    public static ExportTable Of<T>(string name, IEnumerable<T> rows, params ExportColumn<T>[] columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        return new ExportTable(name, columns.Select(c => c.Header).ToList(), rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToArray()).ToList());
    }

    /// <summary>A cell as text, the way the CSV writes it: numbers in invariant culture, days as yyyy-MM-dd.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>True for the cells written as numbers.</summary>
    public static bool IsNumber(object? cell) => cell is int or long or double or decimal or float or short;
}
