using System.Globalization;
using System.Text;

namespace Monitor.Directives.Tests.Support;

/// <summary>How two label sets of the same articles agree over (article, theme) pairs: per theme the pairs both
/// labellers give, and those only one gives. Pairwise F1 (2·both / (2·both + only one + only other)) is the same
/// whichever set is taken as the reference; precision and recall name a reference.</summary>
internal sealed class LabelAgreement
{
    private readonly SortedDictionary<string, (int Both, int OnlyA, int OnlyB)> _counts = new(StringComparer.Ordinal);

    private LabelAgreement()
    {
    }

    /// <summary>Pairs one set gives and the other does not: (article, theme, given by the first set).</summary>
    public List<(string Article, string Theme, bool InA)> Disagreements { get; } = [];

    public int Articles { get; private set; }

    /// <summary>Articles whose two theme sets are equal (empty sets included).</summary>
    public int SameArticles { get; private set; }

    public int Both => _counts.Values.Sum(c => c.Both);

    public int OnlyA => _counts.Values.Sum(c => c.OnlyA);

    public int OnlyB => _counts.Values.Sum(c => c.OnlyB);

    public double F1 => Ratio(2 * Both, 2 * Both + OnlyA + OnlyB);

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> on <paramref name="ids"/> (both must label every
    /// one of them).</summary>
    public static LabelAgreement Compare(IReadOnlyDictionary<string, IReadOnlySet<string>> a, IReadOnlyDictionary<string, IReadOnlySet<string>> b, IEnumerable<string> ids)
    {
        var agreement = new LabelAgreement();
        foreach (var id in ids)
        {
            var x = a[id];
            var y = b[id];
            agreement.Articles++;
            agreement.SameArticles += x.SetEquals(y) ? 1 : 0;
            foreach (var theme in x.Union(y))
            {
                var (both, onlyA, onlyB) = agreement._counts.GetValueOrDefault(theme);
                bool inA = x.Contains(theme), inB = y.Contains(theme);
                agreement._counts[theme] = (both + (inA && inB ? 1 : 0), onlyA + (inA && !inB ? 1 : 0), onlyB + (inB && !inA ? 1 : 0));
                if (inA != inB)
                {
                    agreement.Disagreements.Add((id, theme, inA));
                }
            }
        }

        return agreement;
    }

    /// <summary>One line: F1, and precision and recall of <paramref name="b"/> with <paramref name="a"/> as the reference.</summary>
    public string Summary(string a, string b) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Articles} articles ({SameArticles} labelled alike): {Both} pairs in both, {OnlyA} only in {a}, {OnlyB} only in {b}; " +
            $"F1 {F1:0.000}; with {a} as reference, {b} has P {Ratio(Both, Both + OnlyB):0.000} R {Ratio(Both, Both + OnlyA):0.000}");

    /// <summary>A Markdown table per theme and over all pairs.</summary>
    public string Table(string a, string b)
    {
        var s = new StringBuilder($"| theme | both | only {a} | only {b} | F1 |\n|---|---|---|---|---|\n");
        foreach (var (code, c) in _counts)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {code} | {c.Both} | {c.OnlyA} | {c.OnlyB} | {Ratio(2 * c.Both, 2 * c.Both + c.OnlyA + c.OnlyB):0.00} |\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"| all | {Both} | {OnlyA} | {OnlyB} | {F1:0.00} |\n");
        return s.ToString();
    }

    /// <summary>The reason column (third) of a label file, by article id; empty when a row has none.</summary>
    public static IReadOnlyDictionary<string, string> Reasons(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .ToDictionary(c => c[0], c => c.Length > 2 ? c[2] : "", StringComparer.Ordinal);

    private static double Ratio(int a, int b) => b == 0 ? 1 : a / (double)b;
}
