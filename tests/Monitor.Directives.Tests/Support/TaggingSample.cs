using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Directives.Tests.Support;

/// <summary>The hand-labelled Tuổi Trẻ sample (tests/Monitor.Core.Tests/Data/tuoitre-w46-labels.tsv) and the real
/// articles it names (../shared/corpus/tuoitre-2024-11): precision and recall of a plan's tagging against it.</summary>
internal sealed class TaggingSample
{
    private TaggingSample(IReadOnlyDictionary<string, IReadOnlySet<string>> labels, IReadOnlyList<Article> articles, IReadOnlyList<Article> rest)
    {
        Labels = labels;
        Articles = articles;
        Rest = rest;
    }

    /// <summary>Article id → the theme codes it covers (empty for none).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Labels { get; }

    public IReadOnlyList<Article> Articles { get; }

    /// <summary>The corpus articles outside the sample (not labelled; only counted when tagged).</summary>
    public IReadOnlyList<Article> Rest { get; }

    public static string LabelsPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "tuoitre-w46-labels.tsv");

    /// <summary>The same articles judged again by the counting rule of issue 14 (2026-12-07; changed rows give their reason).</summary>
    public static string RuleLabelsPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "tuoitre-w46-labels.rule.tsv");

    /// <summary>The 601 corpus articles outside the first sample, judged by the counting rule on 2026-12-07 (issue 14): a
    /// second tuning set, almost all negatives (the file's header says how they were chosen and read).</summary>
    public static string FreshLabelsPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "tuoitre-w46-labels.fresh.tsv");

    /// <summary>The same 399 articles judged by a second labeller of the project, blind to the other label sets and to the
    /// tagger (2026-12-07, issue 14): the file's header says how each theme was read before labelling.</summary>
    public static string SecondLabelsPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "tuoitre-w46-labels.second.tsv");

    public static string CorpusPath => Path.GetFullPath(Path.Combine(Seeds.Root, "..", "shared", "corpus", "tuoitre-2024-11", "articles.jsonl"));

    /// <summary>The corpus articles with the labels of <paramref name="labelsPath"/> (the first labels when null).</summary>
    public static TaggingSample Load(string? labelsPath = null)
    {
        Assert.True(File.Exists(CorpusPath), $"the Tuổi Trẻ corpus is not at {CorpusPath}; the tagging-quality tests need ../shared/corpus beside the repository.");
        var labels = ReadLabels(labelsPath ?? LabelsPath);
        var articles = new List<Article>();
        var rest = new List<Article>();
        foreach (var line in File.ReadLines(CorpusPath))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString() ?? "";

            // The corpus is the article contract minus the crawler's fields (no url, canonical_url, content_hash).
            (labels.ContainsKey(id) ? articles : rest).Add(new Article
            {
                Id = id,
                Url = "",
                CanonicalUrl = "",
                ContentHash = "",
                Outlet = Text(root, "outlet") ?? "tuoitre.vn",
                Section = Text(root, "section"),
                Title = Text(root, "title") ?? "",
                Description = Text(root, "description"),
                Text = Text(root, "text") ?? "",
                Published = Text(root, "published") is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
            });
        }

        var missing = labels.Keys.Except(articles.Select(a => a.Id)).ToList();
        Assert.True(missing.Count == 0, $"labelled ids not in the corpus: {string.Join(", ", missing.Take(5))}");
        return new TaggingSample(labels, articles, rest);
    }

    /// <summary>The labels of a label file (id → theme codes, empty for none), in the file's order; no corpus needed.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ReadLabels(string path)
    {
        var labels = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('\t');
            Assert.False(labels.ContainsKey(cells[0]), $"{Path.GetFileName(path)} labels {cells[0]} twice");
            labels[cells[0]] = (cells.Length > 1 ? cells[1] : "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        }

        return labels;
    }

    /// <summary>The half of the sample nothing was tuned on since grades and scope (2026-12-06): articles whose id's
    /// SHA-256 starts with an odd byte (203 articles, 63 labelled pairs). The even half (196, 52) is the tuning half.</summary>
    public static bool IsHeldOut(string id) => (System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 1;

    /// <summary>Tags every labelled article (of the held-out or the tuning half, <paramref name="heldOut"/>; all when null) with the plan (windows
    /// ignored) and scores the (article, theme) pairs; a theme counts when its grade counts (not a passing mention),
    /// or at any grade with <paramref name="anyGrade"/>. Pairs in <paramref name="disputed"/> (two labellers
    /// disagree on them) are left out of the score.</summary>
    public Quality Measure(Plan plan, ScoringOptions? scoring = null, bool? heldOut = null, bool anyGrade = false, IReadOnlySet<(string Article, string Theme)>? disputed = null)
    {
        var matcher = new PlanMatcher(plan, scoring ?? ScoringOptions.Default);
        var codes = plan.Themes.Select(t => t.Code).ToList();
        var quality = new Quality(codes);
        foreach (var article in Articles.Where(a => heldOut is null || IsHeldOut(a.Id) == heldOut))
        {
            var found = matcher.Tag(article).Themes.Where(t => anyGrade || t.Counts).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            var truth = Labels[article.Id];
            foreach (var code in codes.Union(truth).Where(code => disputed?.Contains((article.Id, code)) != true))
            {
                quality.Add(article.Id, code, found.Contains(code), truth.Contains(code));
            }
        }

        return quality;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>True/false positives and false negatives per theme, with the articles behind the errors.</summary>
internal sealed class Quality(IEnumerable<string> codes)
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = codes.ToDictionary(c => c, _ => (0, 0, 0), StringComparer.Ordinal);

    public List<(string Article, string Theme)> FalsePositives { get; } = [];

    public List<(string Article, string Theme)> FalseNegatives { get; } = [];

    public int Tp => _counts.Values.Sum(c => c.Tp);

    public int Fp => _counts.Values.Sum(c => c.Fp);

    public int Fn => _counts.Values.Sum(c => c.Fn);

    public double Precision => Ratio(Tp, Tp + Fp);

    public double Recall => Ratio(Tp, Tp + Fn);

    public void Add(string article, string theme, bool found, bool truth)
    {
        var (tp, fp, fn) = _counts.GetValueOrDefault(theme);
        _counts[theme] = (tp + (found && truth ? 1 : 0), fp + (found && !truth ? 1 : 0), fn + (!found && truth ? 1 : 0));
        if (found && !truth)
        {
            FalsePositives.Add((article, theme));
        }
        else if (!found && truth)
        {
            FalseNegatives.Add((article, theme));
        }
    }

    /// <summary>A Markdown table: per theme and micro over all (article, theme) pairs.</summary>
    public string Table()
    {
        var s = new StringBuilder("| theme | labelled | tagged | correct | precision | recall |\n|---|---|---|---|---|---|\n");
        foreach (var (code, c) in _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            s.Append(CultureInfo.InvariantCulture, $"| {code} | {c.Tp + c.Fn} | {c.Tp + c.Fp} | {c.Tp} | {Show(c.Tp, c.Tp + c.Fp)} | {Show(c.Tp, c.Tp + c.Fn)} |\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"| micro | {Tp + Fn} | {Tp + Fp} | {Tp} | {Show(Tp, Tp + Fp)} | {Show(Tp, Tp + Fn)} |\n");
        return s.ToString();
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : a / (double)b;

    private static string Show(int a, int b) => b == 0 ? "–" : (a / (double)b).ToString("0.00", CultureInfo.InvariantCulture);
}
