using Monitor.Core.Time;
using Monitor.Reports.Summary;

namespace Monitor.Reports.Scheduling;

/// <summary>One archived weekly summary: its plan, week, when it was written, and its files by format ("md", "html", "docx").</summary>
public sealed record ArchivedSummary(string Plan, string Week, DateTimeOffset WrittenAt, IReadOnlyDictionary<string, string> Files);

/// <summary>The archive of weekly summaries under the data directory: <c>reports/&lt;plan&gt;/&lt;YYYY-Www&gt;.md|.html|.docx</c>.
/// A re-run for the same plan and week replaces its files, so there is one entry per plan and week. Public for the
/// dashboard, which lists the archive (<see cref="List"/>, newest week first) and shows the latest summary
/// (<see cref="Latest"/>, its "html" file).</summary>
public sealed class ReportArchive(string dataDir)
{
    /// <summary>The formats written for each summary.</summary>
    public static readonly IReadOnlyList<string> Formats = ["md", "html", "docx"];

    public string Folder { get; } = Path.Combine(dataDir, "reports");

    /// <summary>Where the file of a plan's week in a format lives (whether or not it exists).</summary>
    public string PathOf(string plan, string week, string format) => Path.Combine(Folder, Safe(plan), week + "." + format);

    /// <summary>Writes md, html and docx of the summary, replacing any earlier run for the same plan and week; returns the paths by format.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(WeeklySummary summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var files = new Dictionary<string, string>();
        foreach (var format in Formats)
        {
            var path = PathOf(summary.Plan, summary.Week, format);
            await SummaryFormats.WriteFileAsync(summary, format, path, ct);
            files[format] = path;
        }

        return files;
    }

    /// <summary>True when the plan's week is archived in every format.</summary>
    public bool Has(string plan, string week) => Formats.All(f => File.Exists(PathOf(plan, week, f)));

    /// <summary>Every archived summary, newest week first (then plan id); a plan filter when given.</summary>
    public IReadOnlyList<ArchivedSummary> List(string? plan = null)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var list = new List<ArchivedSummary>();
        foreach (var dir in Directory.EnumerateDirectories(Folder).Where(d => plan is null || Path.GetFileName(d) == Safe(plan)))
        {
            var byWeek = Directory.EnumerateFiles(dir).Where(f => Formats.Contains(Path.GetExtension(f).TrimStart('.')) && IsWeek(Path.GetFileNameWithoutExtension(f)))
                .GroupBy(f => Path.GetFileNameWithoutExtension(f));
            list.AddRange(byWeek.Select(g => new ArchivedSummary(Path.GetFileName(dir), g.Key, g.Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)),
                g.ToDictionary(f => Path.GetExtension(f).TrimStart('.'), f => f))));
        }

        return list.OrderByDescending(a => IsoWeek.Parse(a.Week)).ThenBy(a => a.Plan, StringComparer.Ordinal).ToList();
    }

    /// <summary>The newest archived summary (of a plan, when given), or null.</summary>
    public ArchivedSummary? Latest(string? plan = null) => List(plan) is { Count: > 0 } all ? all[0] : null;

    private static bool IsWeek(string name)
    {
        try
        {
            IsoWeek.Parse(name);
            return name.Length == 8;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // A plan id names a folder: anything but letters, digits, '-', '_' and '.' becomes '_'.
    private static string Safe(string plan) => string.Concat(plan.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
}
