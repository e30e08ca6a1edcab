namespace Monitor.Core.Learning;

/// <summary>A theme's near-miss part (<see cref="ThemeModel.NearWeights"/>): the weights only the theme's near misses
/// read, fitted after the rest of the model and on top of it. Each near-miss example keeps the score the fitted model
/// already gives it (bias, shared and own part: what every theme's decisions taught about such a pair) as a fixed
/// offset, and only this part moves, so near misses change no weight any other pair reads — turning them on cannot
/// move a counted hit, a mention or another theme (docs/tagging.md, "Learning from feedback"). An L2-regularised
/// logistic regression (<see cref="RelevanceOptions.NearL2"/>, per unit of the near-miss examples' weight) fitted by
/// full-batch gradient steps from zero in a fixed order: the same examples give the same weights, bit for bit.</summary>
internal static class NearPart
{
    /// <summary>One near-miss example: its features, the fitted model's log-odds for it, relevant (1) or not (0), its weight.</summary>
    public sealed record Example(SparseVector X, double Offset, double Y, double Weight);

    /// <summary>The non-zero weights (under 1e-6 dropped), in feature order; empty without examples.</summary>
    public static IReadOnlyDictionary<int, double> Fit(IReadOnlyList<Example> examples, RelevanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var features = examples.SelectMany(e => e.X.Ids).Distinct().Order().ToArray();
        var dense = new Dictionary<int, int>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            dense[features[i]] = i;
        }

        var rows = examples.Select(e => (Ids: e.X.Ids.Select(id => dense[id]).ToArray(), e.X.Values, e.Offset, e.Y, e.Weight)).ToArray();
        var total = rows.Sum(r => r.Weight);
        var w = new double[features.Length];
        var g = new double[features.Length];
        for (var step = 0; step < options.Iterations && total > 0; step++)
        {
            Array.Clear(g);
            foreach (var (ids, values, offset, y, weight) in rows)
            {
                var z = offset;
                for (var k = 0; k < ids.Length; k++)
                {
                    z += w[ids[k]] * values[k];
                }

                var gz = weight * (1 / (1 + Math.Exp(-z)) - y) / total;
                for (var k = 0; k < ids.Length; k++)
                {
                    g[ids[k]] += gz * values[k];
                }
            }

            for (var i = 0; i < features.Length; i++)
            {
                w[i] -= options.LearningRate * (g[i] + options.NearL2 * w[i]);
            }
        }

        return RelevanceTrainer.NonZero(features, w);
    }
}
