using System.Diagnostics;
using System.Text;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Lab.Bench;

/// <summary>monitor bench tag: the matcher alone, on one thread (one core), over generated ~3 KB Vietnamese-like
/// articles against a generated plan of 500 themes and 5,000 phrases, each theme with a NEAR rule and an exclusion.</summary>
public static class TagBench
{
    private const int Themes = 500;
    private const int PhrasesPerTheme = 10;

    private static readonly string[] Onsets = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x", ""];
    // Rhymes without tone; a tone mark is added at random, so the folded syllable inventory is near a real one's size.
    private static readonly string[] Rhymes = ["a", "ai", "am", "an", "ang", "anh", "ao", "at", "ac", "ach", "ăm", "ăn", "ăng", "ăt", "âm", "ân", "âng", "ât", "âu", "ây",
        "e", "em", "en", "eng", "eo", "et", "ê", "êm", "ên", "ênh", "êt", "êu", "i", "ia", "im", "in", "inh", "it", "ich", "iêm", "iên", "iêt", "iêu",
        "o", "oa", "oai", "oan", "oang", "oanh", "oat", "oc", "oi", "om", "on", "ong", "ot", "ô", "ôi", "ôm", "ôn", "ông", "ôt", "ôc", "ơ", "ơi", "ơm", "ơn", "ơt",
        "u", "ua", "uân", "uât", "uc", "ui", "um", "un", "ung", "ut", "uy", "uyên", "uyêt", "ư", "ưa", "ưc", "ưi", "ưng", "ươc", "ươi", "ương", "ươt", "ưu"];

    private static readonly string[] Tones = ["", "́", "̀", "̉", "̃", "̣"];

    /// <summary>The bench's plan (500 themes, 5,000 distinct folded phrases), its phrases as written, and
    /// <paramref name="count"/> articles; deterministic.</summary>
    public static (Plan Plan, string[] Phrases, List<Article> Articles) Generate(int count)
    {
        var random = new Random(46);
        var syllables = Onsets.SelectMany(o => Rhymes.SelectMany(r => Tones.Select(t => (o + r.Insert(1, t)).Normalize(NormalizationForm.FormC)))).Distinct().ToArray();
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => syllables[random.Next(syllables.Length)]));

        // Distinct after folding, so the automaton holds exactly 5,000 phrases.
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        while (phrases.Count < Themes * PhrasesPerTheme)
        {
            var phrase = Words(2 + random.Next(3));
            phrases.TryAdd(Monitor.Core.Text.VietnameseFolding.Key(phrase), phrase);
        }

        var all = phrases.Values.ToArray();
        var plan = new Plan { Id = "bench" };
        for (var t = 0; t < Themes; t++)
        {
            var keywords = all.Skip(t * PhrasesPerTheme).Take(PhrasesPerTheme).ToList();
            plan.Themes.Add(new Theme
            {
                Code = $"T{t}", Title = keywords[0], Keywords = keywords,
                Rules = [$"\"{keywords[1]}\" NEAR/5 \"{keywords[2]}\""], Exclude = [$"title:\"{all[(t * PhrasesPerTheme + 37) % all.Length]}\""],
            });
        }

        return (plan, all, [.. Enumerable.Range(0, count).Select(i => Article(i, random, Words, all))]);
    }

    public static Task<int> RunAsync(int count, CancellationToken ct)
    {
        var (plan, all, articles) = Generate(count);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var matcher = new PlanMatcher(plan);
        var compiledBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Description ?? "") + Encoding.UTF8.GetByteCount(a.Text));
        foreach (var article in articles.Take(200))
        {
            matcher.Tag(article);   // warm-up: JIT, tiered compilation
        }

        var themes = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var threadCpu = ThreadCpuSeconds();
        var clock = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            themes += matcher.Tag(article).Themes.Count;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var threadSeconds = ThreadCpuSeconds() - threadCpu;
        // The machine may be shared: the tagging thread's CPU time is what one core spent on it; the process's CPU time
        // adds the garbage collector's and JIT's threads; wall time is what the caller waited.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var stages = Stages(articles, all);
        Console.WriteLine($"bench tag: {count:N0} generated articles ({bytes / (double)count / 1024:N1} KiB each), plan of {plan.Themes.Count} themes, {matcher.PhraseCount:N0} phrases, one thread");
        Console.WriteLine($"  throughput:        {bytes / 1e6 / threadSeconds,8:N1} MB/s of article text per core (tagging thread CPU {threadSeconds:N2} s)");
        Console.WriteLine($"                     {bytes / 1e6 / cpuSeconds,8:N1} MB/s per process CPU second (with GC and JIT threads, {cpuSeconds:N2} s); {bytes / 1e6 / seconds:N1} MB/s wall clock ({seconds:N2} s)");
        Console.WriteLine($"  articles:          {count / threadSeconds,8:N0} articles/s per core; {count / seconds:N0} articles/s wall clock; {themes / (double)count:N2} themes per article");
        Console.WriteLine($"  of which:         folding {stages.Fold:N1} MB/s, automaton {stages.Scan:N1} MB/s, document numbers {stages.References:N1} MB/s (each alone)");
        Console.WriteLine($"  compiled plan:     {compiledBytes / (1024.0 * 1024):N1} MiB on the heap ({matcher.ApproximateBytes / (1024.0 * 1024):N1} MiB automaton and tables)");
        return Task.FromResult(0);
    }

    // Where the time goes: each stage alone over the same text, CPU time, MB/s of article text.
    private static (double Fold, double Scan, double References) Stages(List<Article> articles, string[] phrases)
    {
        var automaton = new PhraseAutomaton([.. phrases.Select(Monitor.Core.Text.VietnameseFolding.Key)]);
        var texts = articles.SelectMany(a => new[] { a.Title, a.Description ?? "", a.Text }).ToList();
        var folded = texts.Select(t => Monitor.Core.Text.VietnameseFolding.Fold(t).Value).ToList();
        var mb = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t)) / 1e6;
        var hits = new List<PhraseOccurrence>();
        return (
            mb / Cpu(() => texts.ForEach(t => Monitor.Core.Text.VietnameseFolding.Fold(t))),
            mb / Cpu(() => folded.ForEach(f => { hits.Clear(); automaton.Match(f, hits); })),
            mb / Cpu(() => texts.ForEach(t => Monitor.Core.References.DocumentReferenceExtractor.FindNumbers(t))));
    }

    // CPU time of the calling thread (Linux: /proc/thread-self/schedstat, first field in nanoseconds); the process's
    // when that file is absent.
    private static double ThreadCpuSeconds()
    {
        const string Path = "/proc/thread-self/schedstat";
        return File.Exists(Path)
            ? long.Parse(File.ReadAllText(Path).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1e9
            : Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    private static double Cpu(Action run)
    {
        var start = ThreadCpuSeconds();
        run();
        return ThreadCpuSeconds() - start;
    }

    private static Article Article(int index, Random random, Func<int, string> words, string[] phrases)
    {
        var text = new StringBuilder(3200);
        while (text.Length < 2400)
        {
            text.Append(char.ToUpperInvariant(words(1)[0])).Append(words(12 + random.Next(10))).Append(", ").Append(words(6));
            if (random.Next(6) == 0)
            {
                text.Append(' ').Append(phrases[random.Next(phrases.Length)]);
            }

            text.Append(". ");
            if (random.Next(5) == 0)
            {
                text.Append("\n\n");
            }
        }

        var url = $"https://bench.example/tag-{index}.html";
        var title = words(10);
        var description = words(25);
        var body = text.ToString();
        return new Article
        {
            Id = ArticleId.FromCanonicalUrl(url), Url = url, CanonicalUrl = url, Outlet = "Báo bench", Title = title, Description = description, Text = body,
            ContentHash = ArticleId.ContentHash(title, description, body),
        };
    }
}
