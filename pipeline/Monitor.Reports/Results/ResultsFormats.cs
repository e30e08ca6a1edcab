using System.Text;
using Monitor.Reports.Rendering;

namespace Monitor.Reports.Results;

/// <summary>Writes the results report as docx (the decree's frame), md or html (the frame as opening lines).</summary>
public static class ResultsFormats
{
    public static readonly IReadOnlyList<string> All = ["docx", "md", "html"];

    public static async Task WriteFileAsync(ResultsReport report, ReportIssuer issuer, DateOnly today, string format, string path, CancellationToken ct)
    {
        var (document, frame) = ResultsLayout.Layout(report, issuer, today);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        if (format == "docx")
        {
            await using var file = File.Create(temp);
            DocxRenderer.Render(document, file, frame);
        }
        else
        {
            var framed = ResultsLayout.WithFrameLines(document, frame);
            await File.WriteAllTextAsync(temp, format == "md" ? MarkdownRenderer.Render(framed) : HtmlRenderer.Render(framed), new UTF8Encoding(false), ct);
        }

        File.Move(temp, full, overwrite: true);
    }
}
