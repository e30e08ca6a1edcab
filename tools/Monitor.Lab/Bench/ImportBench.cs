using System.Diagnostics;
using System.Globalization;
using Monitor.Directives;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench import: how long the importer takes per directive (median of several runs, after a
/// warm-up import), for every text, .docx or .pdf directive in a folder.</summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(string folder, int runs, CancellationToken ct)
    {
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var importer = new DirectiveImporter();
        var options = new DirectiveImportOptions();
        await Console.Out.WriteLineAsync("văn bản | KB | chủ đề | trung vị (ms) | chậm nhất (ms)");
        foreach (var file in files)
        {
            var plan = await importer.ImportAsync(file, options, ct);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await importer.ImportAsync(file, options, ct);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var kb = new FileInfo(file).Length / 1024.0;
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)} | {kb:F0} | {plan.Themes.Count} | {times[times.Count / 2]:F1} | {times[^1]:F1}"));
        }

        return 0;
    }
}
