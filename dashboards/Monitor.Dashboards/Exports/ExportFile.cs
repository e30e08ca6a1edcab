using Microsoft.AspNetCore.Mvc;

namespace Monitor.Dashboards.Exports;

/// <summary>A page's table as a download: <c>?handler=export&amp;table=NAME&amp;format=csv|xlsx</c> on the page that
/// shows it, so the file holds what that page shows under the same filters and the same permissions.</summary>
public static class ExportFile
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    /// <summary>The file of a table; null for an unknown format.</summary>
    public static FileContentResult? Of(ExportTable table, string? format, string fileName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return format switch
        {
            "csv" => new FileContentResult(CsvExport.Write(table), "text/csv; charset=utf-8") { FileDownloadName = fileName + ".csv" },
            "xlsx" => new FileContentResult(XlsxExport.Write(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = fileName + ".xlsx" },
            _ => null,
        };
    }

    /// <summary>The answer of a page's export handler: the file, or 404 with one Vietnamese line for an unknown table or format.</summary>
    public static IActionResult Answer(IReadOnlyDictionary<string, ExportTable> tables, string? table, string? format, string prefix)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (table is null || !tables.TryGetValue(table, out var t))
        {
            return new NotFoundObjectResult($"table '{table}': trang này không có bảng này");
        }

        return Of(t, format, Name(prefix, table)) is { } file ? file : new NotFoundObjectResult($"format '{format}': dùng csv hoặc xlsx");
    }

    /// <summary>A download's file name (without extension): the page's prefix and the table, in safe characters.</summary>
    public static string Name(string prefix, string table) =>
        string.Concat((prefix + "-" + table).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
