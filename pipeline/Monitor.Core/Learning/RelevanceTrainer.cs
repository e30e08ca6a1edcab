using System.Text;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Core.Learning;

/// <summary>Trains a <see cref="RelevanceModel"/>: per theme that has analysts' decisions, an L2-regularised logistic
/// regression over <see cref="RelevanceFeatures"/>, fitted by full-batch gradient descent from zero. Examples: each
/// decision (weight 1), the matcher's primary hits as relevant and articles with no evidence of the theme as not
/// (weight <see cref="RelevanceOptions.SelfWeight"/>; the latter picked by a hash of article and theme, not at random).
/// Everything is sorted before use and nothing is random or parallel, so the same inputs give the same model, bit
/// for bit, whatever order they come in.</summary>
public static class RelevanceTrainer
{
    public static RelevanceModel Train(string planId, int planVersion, PlanMatcher matcher, IEnumerable<Article> articles, IEnumerable<FeedbackDecision> decisions, RelevanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(decisions);
        options ??= RelevanceOptions.Default;
        var byId = new SortedDictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            byId.TryAdd(article.Id, article);
        }

        var grades = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, SparseVector>(StringComparer.Ordinal);
        foreach (var (id, article) in byId)
        {
            grades[id] = matcher.Tag(article).Themes.ToDictionary(t => t.Code, t => t.Grade, StringComparer.Ordinal);
        }

        SparseVector Text(string id) => texts.TryGetValue(id, out var v) ? v : texts[id] = RelevanceFeatures.Text(byId[id]);

        var usable = decisions.Where(d => byId.ContainsKey(d.ArticleId))
            .OrderBy(d => d.Theme, StringComparer.Ordinal).ThenBy(d => d.ArticleId, StringComparer.Ordinal).ToList();
        var themes = new SortedDictionary<string, ThemeModel>(StringComparer.Ordinal);
        foreach (var code in matcher.Plan.Themes.Select(t => t.Code).Distinct().Order(StringComparer.Ordinal))
        {
            var decided = usable.Where(d => d.Theme == code).ToList();
            if (decided.Count == 0)
            {
                continue;
            }

            var examples = new List<(SparseVector X, double Y, double Weight)>();
            foreach (var d in decided)
            {
                examples.Add((RelevanceFeatures.Pair(Text(d.ArticleId), grades[d.ArticleId].GetValueOrDefault(code)), d.Relevant ? 1 : 0, 1));
            }

            var skip = decided.Select(d => d.ArticleId).ToHashSet(StringComparer.Ordinal);
            var selfRelevant = byId.Keys.Where(id => !skip.Contains(id) && grades[id].GetValueOrDefault(code) == ThemeGrade.Primary).ToList();
            foreach (var id in selfRelevant)
            {
                examples.Add((RelevanceFeatures.Pair(Text(id), ThemeGrade.Primary), 1, options.SelfWeight));
            }

            var relevant = selfRelevant.Count + decided.Count(d => d.Relevant);
            var selfNot = byId.Keys.Where(id => !skip.Contains(id) && !grades[id].ContainsKey(code))
                .OrderBy(id => Pick(id, code)).ThenBy(id => id, StringComparer.Ordinal)
                .Take(Math.Max(options.MinNegatives, options.NegativesPerPositive * relevant)).ToList();
            foreach (var id in selfNot)
            {
                examples.Add((RelevanceFeatures.Pair(Text(id), null), 0, options.SelfWeight));
            }

            var (bias, weights) = Fit(examples, options);
            themes[code] = new ThemeModel(bias, weights, decided.Count(d => d.Relevant), decided.Count(d => !d.Relevant), selfRelevant.Count, selfNot.Count);
        }

        return new RelevanceModel
        {
            PlanId = planId, PlanVersion = planVersion, FeedbackCount = usable.Count,
            DemoteBelow = options.DemoteBelow, PromoteAbove = options.PromoteAbove, Themes = themes,
        };
    }

    /// <summary>Weighted logistic loss plus L2, by gradient descent over a dense copy of the features the examples
    /// use; returns the bias and the non-zero weights in feature order.</summary>
    private static (double Bias, IReadOnlyDictionary<int, double> Weights) Fit(List<(SparseVector X, double Y, double Weight)> examples, RelevanceOptions options)
    {
        var features = examples.SelectMany(e => e.X.Ids).Distinct().Order().ToArray();
        var dense = new Dictionary<int, int>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            dense[features[i]] = i;
        }

        var rows = examples.Select(e => (Ids: e.X.Ids.Select(id => dense[id]).ToArray(), e.X.Values, e.Y, e.Weight)).ToArray();
        var total = rows.Sum(r => r.Weight);
        var w = new double[features.Length];
        var gradient = new double[features.Length];
        var bias = 0.0;
        for (var step = 0; step < options.Iterations; step++)
        {
            Array.Clear(gradient);
            var gBias = 0.0;
            foreach (var (ids, values, y, weight) in rows)
            {
                var z = bias;
                for (var k = 0; k < ids.Length; k++)
                {
                    z += w[ids[k]] * values[k];
                }

                var g = weight * (1 / (1 + Math.Exp(-z)) - y) / total;
                gBias += g;
                for (var k = 0; k < ids.Length; k++)
                {
                    gradient[ids[k]] += g * values[k];
                }
            }

            for (var i = 0; i < w.Length; i++)
            {
                w[i] -= options.LearningRate * (gradient[i] + options.L2 * w[i]);
            }

            bias -= options.LearningRate * gBias;
        }

        var weights = new Dictionary<int, double>();
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] != 0)
            {
                weights[features[i]] = w[i];
            }
        }

        return (bias, weights);
    }

    // FNV-1a of article id and theme: which no-evidence articles serve as "not this theme" examples, stable and order-free.
    private static uint Pick(string articleId, string theme)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(articleId + "\n" + theme))
        {
            h = (h ^ b) * 16777619u;
        }

        return h;
    }
}
