using System.Diagnostics;

namespace Monitor.Reports.Rendering;

/// <summary>PDF through Chromium's own print of the HTML page (headless, A4 from the page's @page rule): the page a
/// reader sees is the page printed.</summary>
public static class PdfPrinter
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdfPath"/>; a missing browser is a user error naming it.</summary>
    public static async Task PrintAsync(string html, string pdfPath, CancellationToken ct, string chromium = DefaultChromium)
    {
        if (!File.Exists(chromium))
        {
            throw new FileNotFoundException($"không có trình duyệt {chromium} để in PDF: cài gói chromium (infra/setup-apt.sh)");
        }

        var work = Directory.CreateTempSubdirectory("monitor-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "summary.html");
            await File.WriteAllTextAsync(page, html, ct);
            var output = Path.GetFullPath(pdfPath);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--no-pdf-header-footer", "--print-to-pdf=" + output,
                    new Uri(page).AbsoluteUri,
                },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"chromium --print-to-pdf exited {process.ExitCode}: {(await stderr).Trim()}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
