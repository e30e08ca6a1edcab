using System.Globalization;
using System.Text;

namespace Monitor.Directives.Reading;

/// <summary>Text of a PDF: the text layer through pdftotext; scanned pages (no text layer) through pdftoppm and
/// tesseract with Vietnamese data, within a page limit and a time budget.</summary>
internal static class PdfText
{
    // A page of a directive holds well over this many letters; less means a scan with at most a stamp of text.
    private const int MinLettersPerPage = 40;

    public static async Task<string> ReadAsync(string path, DirectiveImportOptions options, CancellationToken ct)
    {
        var layer = await ExternalProcess.RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], ct)
            ?? throw new DirectiveImportException(path, "không đọc được PDF vì chưa cài pdftotext (apt-get install poppler-utils)");
        if (layer.ExitCode != 0)
        {
            throw new DirectiveImportException(path, $"không đọc được tệp PDF ({FirstLine(layer.Error)})");
        }

        var pages = Math.Max(1, layer.Output.Count(c => c == '\f'));
        if (layer.Output.Count(char.IsLetter) >= MinLettersPerPage * pages)
        {
            return layer.Output.Replace('\f', '\n');
        }

        if (pages > options.OcrMaxPages)
        {
            throw new DirectiveImportException(path, $"bản quét có {pages} trang, quá giới hạn {options.OcrMaxPages} trang nhận dạng chữ (OCR) của một văn bản chỉ đạo");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.OcrTimeBudget);
        try
        {
            return await OcrAsync(path, options.OcrDpi, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DirectiveImportException(path, $"nhận dạng chữ (OCR) bản quét {pages} trang quá {options.OcrTimeBudget.TotalSeconds:0.#} giây cho phép nên dừng");
        }
    }

    private static async Task<string> OcrAsync(string path, int dpi, CancellationToken ct)
    {
        var probe = await ExternalProcess.RunAsync("tesseract", ["--list-langs"], ct);
        if (probe is null || !probe.Output.Contains("vie", StringComparison.Ordinal))
        {
            throw new DirectiveImportException(path, "PDF không có lớp chữ mà máy chưa cài nhận dạng chữ (apt-get install tesseract-ocr tesseract-ocr-vie)");
        }

        var dir = Directory.CreateTempSubdirectory("monitor-ocr-");
        try
        {
            var prefix = System.IO.Path.Combine(dir.FullName, "page");
            var render = await ExternalProcess.RunAsync("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", path, prefix], ct);
            if (render is null || render.ExitCode != 0)
            {
                throw new DirectiveImportException(path, "không dựng được ảnh các trang quét để nhận dạng chữ (pdftoppm lỗi)");
            }

            var text = new StringBuilder();
            foreach (var page in dir.GetFiles("page*.png").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var ocr = await ExternalProcess.RunAsync("tesseract", [page.FullName, "stdout", "-l", "vie"], ct);
                text.Append(ocr?.Output).Append('\n');
            }

            return text.ToString();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "pdftotext lỗi" : line;
    }
}
