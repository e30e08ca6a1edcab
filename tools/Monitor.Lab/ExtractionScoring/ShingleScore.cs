using System.Text.RegularExpressions;

namespace Monitor.Lab.ExtractionScoring;

/// <summary>One page's shingle overlap, normalised so that tp + fp + fn = 1 (long pages weigh no more than short ones).</summary>
public readonly record struct ShingleCounts(double TruePositive, double FalsePositive, double FalseNegative)
{
    /// <summary>Null when nothing was predicted: such a page does not enter the precision average.</summary>
    public double? Precision => TruePositive + FalsePositive == 0 ? null
        : FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive / (TruePositive + FalsePositive);

    /// <summary>Null when nothing was expected: such a page does not enter the recall average.</summary>
    public double? Recall => TruePositive + FalseNegative == 0 ? null
        : FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive / (TruePositive + FalseNegative);
}

/// <summary>Averaged precision, recall and the F1 of those averages.</summary>
public readonly record struct ShingleScoreSummary(double Precision, double Recall, double F1);

/// <summary>The Zyte article-extraction benchmark's body score: <c>\w+</c> tokens (case kept), 4-token shingles,
/// tp/fp/fn over the shingle multisets per page, normalised per page; precision and recall averaged over pages
/// and F1 taken of the two averages. Reimplemented from the benchmark's description so figures compare.</summary>
public static partial class ShingleScore
{
    private const int N = 4;

    public static ShingleCounts Compare(string? expected, string? predicted)
    {
        var truth = Shingles(expected);
        var guess = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, count) in guess)
        {
            var t = truth.GetValueOrDefault(key);
            tp += Math.Min(t, count);
            fp += Math.Max(0, count - t);
        }

        foreach (var (key, count) in truth)
        {
            fn += Math.Max(0, count - guess.GetValueOrDefault(key));
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleCounts(tp / sum, fp / sum, fn / sum) : new ShingleCounts(0, 0, 0);
    }

    public static ShingleScoreSummary Summarise(IEnumerable<ShingleCounts> pages)
    {
        var list = pages.ToList();
        var precisions = list.Select(p => p.Precision).OfType<double>().ToList();
        var recalls = list.Select(p => p.Recall).OfType<double>().ToList();
        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ShingleScoreSummary(precision, recall, f1);
    }

    private static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = Word().Matches(text ?? "").Select(m => m.Value).ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return result;
        }

        // Fewer than N tokens still make one (short) shingle, as the benchmark does.
        for (var i = 0; i < Math.Max(1, tokens.Count - N + 1); i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(N));
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
