using System.Diagnostics;
using System.Net;

namespace Monitor.Directives.Tests.Support;

/// <summary>Makes real PDFs for the import tests with Debian's Chromium (installed by infra/setup-apt.sh):
/// one with a text layer (a printed HTML page) and one scanned (the pages rasterised by pdftoppm, then printed
/// as images, so there is no text layer at all).</summary>
internal static class PdfMaker
{
    public static async Task<string> TextPdfAsync(string textFile, string dir)
    {
        var html = Path.Combine(dir, "directive.html");
        await File.WriteAllTextAsync(html, "<html><head><meta charset=\"utf-8\"></head><body><pre style=\"white-space:pre-wrap;font:13pt 'DejaVu Serif'\">"
            + WebUtility.HtmlEncode(await File.ReadAllTextAsync(textFile)) + "</pre></body></html>");
        return await PrintAsync(html, Path.Combine(dir, "directive.pdf"), dir);
    }

    public static async Task<string> ScannedPdfAsync(string textPdf, string dir)
    {
        await RunAsync("pdftoppm", ["-r", "150", "-png", textPdf, Path.Combine(dir, "page")]);
        var pages = Directory.GetFiles(dir, "page*.png").Order(StringComparer.Ordinal)
            .Select(p => $"<img src=\"{Path.GetFileName(p)}\" style=\"width:100%;page-break-after:always;display:block\">");
        var html = Path.Combine(dir, "scan.html");
        await File.WriteAllTextAsync(html, "<html><body style=\"margin:0\">" + string.Concat(pages) + "</body></html>");
        return await PrintAsync(html, Path.Combine(dir, "scan.pdf"), dir);
    }

    private static async Task<string> PrintAsync(string html, string pdf, string dir)
    {
        await RunAsync("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir, "chromium")}", "--no-pdf-header-footer",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri]);
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException($"chromium wrote no {pdf}");
    }

    private static async Task RunAsync(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start (run infra/setup-apt.sh)");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        _ = process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
