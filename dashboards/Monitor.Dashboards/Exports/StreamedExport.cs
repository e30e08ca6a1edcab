using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Monitor.Dashboards.Exports;

/// <summary>A table too long to hold in memory (a theme's 50,000 articles): headers and rows read page by page as the
/// file is written. CSV goes straight to the response; XLSX (a zip, which needs a seekable stream) through a temporary
/// file deleted on close.</summary>
public sealed record StreamedTable(string Name, string Sheet, IReadOnlyList<string> Headers, Func<CancellationToken, IAsyncEnumerable<IReadOnlyList<object?>>> Rows);

/// <summary>The download of a <see cref="StreamedTable"/>: the same file names, formats and refusals as <see cref="ExportFile"/>.</summary>
public sealed class StreamedExport(StreamedTable table, string format, string fileName) : IActionResult
{
    /// <summary>The answer of a page's export handler for one streamed table: the file, or 404 with one Vietnamese line.</summary>
    public static IActionResult Answer(StreamedTable table, string? requested, string? format, string prefix)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (requested != table.Name)
        {
            return new NotFoundObjectResult($"table '{requested}': trang này không có bảng này");
        }

        return format is "csv" or "xlsx"
            ? new StreamedExport(table, format, ExportFile.Name(prefix, requested))
            : new NotFoundObjectResult($"format '{format}': dùng csv hoặc xlsx");
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName + "." + format, FileNameStar = fileName + "." + format }.ToString();
        if (format == "csv")
        {
            await CsvExport.WriteAsync(response.Body, table.Headers, table.Rows(ct), ct);
            return;
        }

        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await XlsxExport.WriteAsync(file, table.Sheet, table.Headers, table.Rows(ct), ct);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, ct);
    }
}
