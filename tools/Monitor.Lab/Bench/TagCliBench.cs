using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Text;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench tag --cli: `monitor tag` run as a user runs it (a new process, JSON Lines file in, JSON
/// Lines file out, the bench plan of 5,000 phrases) side by side with `grep -F -o -f` over the same articles'
/// folded text and the same 5,000 folded phrases, interleaved, several runs. Both figures are MB of article text
/// (UTF-8 title + lead + body, as written) per wall-clock second; grep's own input (folded, no diacritics) is
/// smaller, so its figure per byte it read is printed too.</summary>
public static class TagCliBench
{
    public static async Task<int> RunAsync(int count, int runs, CancellationToken ct)
    {
        var (plan, _, articles) = TagBench.Generate(count);
        var dir = Directory.CreateTempSubdirectory("monitor-bench-tag-cli-");
        try
        {
            var planPath = Path.Combine(dir.FullName, "plan.yaml");
            var input = Path.Combine(dir.FullName, "articles.jsonl");
            var folded = Path.Combine(dir.FullName, "folded.txt");
            var phrases = Path.Combine(dir.FullName, "phrases.txt");
            await File.WriteAllTextAsync(planPath, PlanFile.ToYaml(plan), ct);
            var bytes = 0L;
            await using (var jsonl = new StreamWriter(input, false, new UTF8Encoding(false)))
            await using (var text = new StreamWriter(folded, false, new UTF8Encoding(false)))
            {
                foreach (var a in articles)
                {
                    // As users have articles: no url, canonical_url or content_hash (monitor tag derives them).
                    await jsonl.WriteLineAsync(JsonSerializer.Serialize(new { id = a.Id, outlet = a.Outlet, title = a.Title, description = a.Description, text = a.Text }, ArticleJson.Options).AsMemory(), ct);
                    await text.WriteLineAsync($"{VietnameseFolding.Fold(a.Title).Value} {VietnameseFolding.Fold(a.Description ?? "").Value} {VietnameseFolding.Fold(a.Text).Value}".AsMemory(), ct);
                    bytes += Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Description ?? "") + Encoding.UTF8.GetByteCount(a.Text);
                }
            }

            var all = plan.Themes.SelectMany(t => t.Keywords.Concat(t.Rules ?? []).Concat(t.Exclude ?? []))
                .SelectMany(p => p.Split('"', StringSplitOptions.RemoveEmptyEntries)).Select(VietnameseFolding.Key)
                .Where(k => k.Length > 0 && k != "title" && !k.StartsWith("near", StringComparison.Ordinal)).Distinct().ToList();
            await File.WriteAllLinesAsync(phrases, all, ct);
            var foldedBytes = new FileInfo(folded).Length;
            var (exe, prefix) = Self();
            Console.WriteLine($"bench tag --cli: {count:N0} generated articles, {bytes / 1e6:N1} MB of article text ({new FileInfo(input).Length / 1e6:N1} MB JSONL, {foldedBytes / 1e6:N1} MB folded), " +
                              $"{all.Count:N0} phrases, {Environment.ProcessorCount} cores, {runs} interleaved runs");
            var tagSeconds = new List<double>();
            var grepSeconds = new List<double>();
            var tagCpu = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var output = Path.Combine(dir.FullName, "tags.jsonl");
                var (tag, cpu) = await TimeAsync("/bin/sh", ["-c", "exec \"$0\" \"$@\" > \"$OUT\"", exe, .. prefix, "tag", "--plan", planPath, input], output, ct);
                var lines = File.ReadLines(output).Count();
                if (lines != count)
                {
                    throw new InvalidOperationException($"monitor tag wrote {lines} lines for {count} articles");
                }

                var (grep, grepCpu) = await TimeAsync("/bin/sh", ["-c", "exec grep -F -o -f \"$0\" \"$1\" > \"$OUT\"", phrases, folded], Path.Combine(dir.FullName, "grep.txt"), ct);
                tagSeconds.Add(tag);
                grepSeconds.Add(grep);
                tagCpu.Add(cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run + 1}: monitor tag {bytes / 1e6 / tag,6:N1} MB/s ({tag:N2} s, {cpu:N2} s CPU)   grep -F -o {bytes / 1e6 / grep,6:N1} MB/s of article text, {foldedBytes / 1e6 / grep:N1} MB/s of its folded input ({grep:N2} s, {grepCpu:N2} s CPU)"));
            }

            var t = Median(tagSeconds);
            var g = Median(grepSeconds);
            var c = Median(tagCpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  median: monitor tag {bytes / 1e6 / t:N1} MB/s, {count / t:N0} articles/s, {c:N2} s CPU ({bytes / 1e6 / c:N1} MB per CPU second, whole process); grep -F -o {bytes / 1e6 / g:N1} MB/s ({foldedBytes / 1e6 / g:N1} MB/s of folded text); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The running executable: the published apphost `monitor`, or `dotnet monitor.dll` under `dotnet run`/tests.
    private static (string Exe, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [System.Reflection.Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly")]) : (path, []);
    }

    /// <summary>Wall-clock and CPU seconds (user + system, the whole child process) of one run.</summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(string file, string[] args, string output, CancellationToken ct)
    {
        var cpu = ChildCpu.Seconds();
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["OUT"] = output;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        // grep exits 1 when nothing matched; anything else is a failure of the run.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed ({process.ExitCode}): {await errors}");
        }

        return (seconds, ChildCpu.Seconds() - cpu);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
