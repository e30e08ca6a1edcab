using System.Text;
using Monitor.Reports.Rendering;

namespace Monitor.Reports.Summary;

/// <summary>Writes a summary in one of its formats: md, html and json as text (stdout when no file), docx and pdf to a file.</summary>
public static class SummaryFormats
{
    public static readonly IReadOnlyList<string> All = ["md", "html", "docx", "json", "pdf"];

    public static bool NeedsFile(string format) => format is "docx" or "pdf";

    public static string Text(WeeklySummary summary, string format) => format switch
    {
        "md" => MarkdownRenderer.Render(SummaryLayout.Layout(summary)),
        "html" => HtmlRenderer.Render(SummaryLayout.Layout(summary)),
        "json" => SummaryJson.Serialize(summary) + "\n",
        _ => throw new ArgumentException($"{format} is not a text format", nameof(format)),
    };

    /// <summary>Writes the summary to <paramref name="path"/>, replacing it (through a temporary file, so a reader never sees half a file).</summary>
    public static async Task WriteFileAsync(WeeklySummary summary, string format, string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        switch (format)
        {
            case "docx":
                await using (var file = File.Create(temp))
                {
                    DocxRenderer.Render(SummaryLayout.Layout(summary), file);
                }

                break;
            case "pdf":
                await PdfPrinter.PrintAsync(Text(summary, "html"), temp, ct);
                break;
            default:
                await File.WriteAllTextAsync(temp, Text(summary, format), new UTF8Encoding(false), ct);
                break;
        }

        File.Move(temp, full, overwrite: true);
    }
}
