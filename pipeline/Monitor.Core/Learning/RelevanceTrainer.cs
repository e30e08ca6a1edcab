using System.Text;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Core.Learning;

/// <summary>Trains a <see cref="RelevanceModel"/>: one L2-regularised logistic regression over <see cref="RelevanceFeatures"/>
/// for all the plan's themes that have analysts' decisions, fitted together by full-batch gradient descent from zero.
/// Each weight is a shared part (learnt from every theme's decisions) plus the theme's own part, each L2-penalised
/// (<see cref="RelevanceOptions.L2"/>, <see cref="RelevanceOptions.ThemeL2"/>): a theme with three decisions
/// leans on what the others taught — mostly where the evidence sits — and a theme with many learns its own words.
/// The shared part is stored once (<see cref="RelevanceModel.Shared"/>), each theme's own part with the theme. Examples: each decision (weight 1), the matcher's primary hits as
/// relevant and articles with no evidence of the theme as not (weight <see cref="RelevanceOptions.SelfWeight"/>; the
/// latter picked by a hash of article and theme, not at random), its undecided mentions as not (weight
/// <see cref="RelevanceOptions.MentionWeight"/>). Near misses are learnt after that, in each theme's near-miss part
/// alone (<see cref="NearPart"/>, <see cref="NearMissTraining"/>): the bias, shared and own parts are fitted on exactly the
/// examples of the learner without near misses, so turning near misses on moves no other pair. Everything is sorted before use and nothing is random
/// or parallel, so the same inputs give the same model, bit for bit, whatever order they come in.</summary>
public static class RelevanceTrainer
{
    private sealed record Example(int Theme, int[] Ids, double[] Values, double Y, double Weight);

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

        var tagged = new Dictionary<string, TagResult>(StringComparer.Ordinal);
        var texts = new Dictionary<string, SparseVector>(StringComparer.Ordinal);
        foreach (var (id, article) in byId)
        {
            tagged[id] = matcher.Tag(article);
        }

        string? Grade(string id, string code) => tagged[id].Themes.FirstOrDefault(t => t.Code == code)?.Grade;

        var usable = decisions.Where(d => byId.ContainsKey(d.ArticleId))
            .OrderBy(d => d.Theme, StringComparer.Ordinal).ThenBy(d => d.ArticleId, StringComparer.Ordinal).ToList();
        var codes = matcher.Plan.Themes.Select(t => t.Code).Distinct().Order(StringComparer.Ordinal)
            .Where(code => usable.Any(d => d.Theme == code)).ToList();
        var near = NearMissTraining.Find(matcher.Plan, byId, tagged, usable, codes, options);

        SparseVector Pair(string id, ThemeMatch? match) =>
            RelevanceFeatures.Pair(byId[id], texts.TryGetValue(id, out var v) ? v : texts[id] = RelevanceFeatures.Text(byId[id]), tagged[id], match);

        // The examples every part of the model but the near-miss parts learns from: exactly those of the learner without
        // near misses (an added article the matcher missed is a pair without evidence), so that near misses on or off
        // give the same weights, bit for bit, and no pair but a near miss can move.
        var examples = new List<Example>();
        var counts = new List<(int Confirmed, int Rejected, int SelfRelevant, int SelfNot)>();
        for (var t = 0; t < codes.Count; t++)
        {
            var code = codes[t];
            SparseVector Found(string id) => Pair(id, tagged[id].Themes.FirstOrDefault(m => m.Code == code));
            var decided = usable.Where(d => d.Theme == code).ToList();
            foreach (var d in decided)
            {
                examples.Add(Of(t, Found(d.ArticleId), d.Relevant, 1));
            }

            var skip = decided.Select(d => d.ArticleId).ToHashSet(StringComparer.Ordinal);
            var selfRelevant = byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) == ThemeGrade.Primary).ToList();
            foreach (var id in selfRelevant)
            {
                examples.Add(Of(t, Found(id), true, options.SelfWeight));
            }

            // The tagger's own "not counted": its undecided mentions (so a confirmed mention promotes only the mentions
            // that look like it more than like the rest), and articles without evidence of the theme.
            var relevant = selfRelevant.Count + decided.Count(d => d.Relevant);
            var selfNot = byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) == ThemeGrade.Mention)
                .Concat(byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) is null)
                    .OrderBy(id => Pick(id, code)).ThenBy(id => id, StringComparer.Ordinal)
                    .Take(Math.Max(options.MinNegatives, options.NegativesPerPositive * relevant))).ToList();
            foreach (var id in selfNot)
            {
                examples.Add(Of(t, Found(id), false, Grade(id, code) is null ? options.SelfWeight : options.MentionWeight));
            }

            counts.Add((decided.Count(d => d.Relevant), decided.Count(d => !d.Relevant), selfRelevant.Count, selfNot.Count));
        }

        var (bias, shared, own) = Fit(examples, codes.Count, options);
        var themes = new SortedDictionary<string, ThemeModel>(StringComparer.Ordinal);
        for (var t = 0; t < codes.Count; t++)
        {
            var (c, code) = (counts[t], codes[t]);
            var cues = near.GetValueOrDefault(code);
            var model = new ThemeModel(bias, own[t], c.Confirmed, c.Rejected, c.SelfRelevant, c.SelfNot)
            {
                Near = cues?.Positives ?? 0, NearCues = cues?.Cues.Written, NearScope = cues?.Scope,
                NearExcept = cues is { Cues.Masks.Count: > 0 } ? cues.Cues.Masks : null, NearExclude = cues?.Exclusions,
            };
            if (cues is not null)
            {
                var fitted = model;
                var scored = NearMissTraining.Examples(cues, code, usable, options, id => Pair(id, cues.Matches[id]), x => fitted.Score(x, shared));
                model = fitted with { NearWeights = NearPart.Fit(scored, options) };
            }

            themes[code] = model;
        }

        return new RelevanceModel
        {
            PlanId = planId, PlanVersion = planVersion, FeedbackCount = usable.Count, FeatureVersion = RelevanceFeatures.Version,
            DemoteBelow = options.DemoteBelow, PromoteAbove = options.PromoteAbove, NearPromoteAbove = near.Count > 0 ? options.NearPromoteAbove : 0,
            Shared = shared, Themes = themes,
        };
    }

    private static Example Of(int theme, SparseVector x, bool relevant, double weight) => new(theme, x.Ids, x.Values, relevant ? 1 : 0, weight);

    /// <summary>Weighted logistic loss plus L2 over dense copies of the features the examples use: z = b +
    /// Σ (s[f] + u[t][f]) x[f], b not penalised, s by <see cref="RelevanceOptions.L2"/>, u by
    /// <see cref="RelevanceOptions.ThemeL2"/>. No bias of the theme's own: what a theme's decisions say of its
    /// mentions goes to its mention grade's weight, not to every hit of the theme (analysts rejecting a theme's
    /// passing mentions must not demote its subjects). Returns the bias, the non-zero weights s and per theme the
    /// non-zero u[t] (under 1e-6 dropped: they change no probability's third decimal), in feature order.</summary>
    private static (double Bias, IReadOnlyDictionary<int, double> Shared, List<IReadOnlyDictionary<int, double>> Own) Fit(List<Example> examples, int themeCount, RelevanceOptions options)
    {
        var features = examples.SelectMany(e => e.Ids).Distinct().Order().ToArray();
        var dense = new Dictionary<int, int>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            dense[features[i]] = i;
        }

        var rows = examples.Select(e => (e.Theme, Ids: e.Ids.Select(id => dense[id]).ToArray(), e.Values, e.Y, e.Weight)).ToArray();
        var total = rows.Sum(r => r.Weight);
        var shared = new double[features.Length];
        var own = Enumerable.Range(0, themeCount).Select(_ => new double[features.Length]).ToArray();
        var gShared = new double[features.Length];
        var gOwn = Enumerable.Range(0, themeCount).Select(_ => new double[features.Length]).ToArray();
        var bias = 0.0;
        for (var step = 0; step < options.Iterations; step++)
        {
            Array.Clear(gShared);
            foreach (var g in gOwn)
            {
                Array.Clear(g);
            }

            var gBias = 0.0;
            foreach (var (t, ids, values, y, weight) in rows)
            {
                var u = own[t];
                var z = bias;
                for (var k = 0; k < ids.Length; k++)
                {
                    z += (shared[ids[k]] + u[ids[k]]) * values[k];
                }

                var g = weight * (1 / (1 + Math.Exp(-z)) - y) / total;
                gBias += g;
                var gu = gOwn[t];
                for (var k = 0; k < ids.Length; k++)
                {
                    gShared[ids[k]] += g * values[k];
                    gu[ids[k]] += g * values[k];
                }
            }

            for (var i = 0; i < features.Length; i++)
            {
                shared[i] -= options.LearningRate * (gShared[i] + options.L2 * shared[i]);
            }

            for (var t = 0; t < themeCount; t++)
            {
                var (u, gu) = (own[t], gOwn[t]);
                for (var i = 0; i < features.Length; i++)
                {
                    u[i] -= options.LearningRate * (gu[i] + options.ThemeL2 * u[i]);
                }
            }

            bias -= options.LearningRate * gBias;
        }

        return (bias, NonZero(features, shared), [.. own.Select(u => NonZero(features, u))]);
    }

    internal static Dictionary<int, double> NonZero(int[] features, double[] w)
    {
        var weights = new Dictionary<int, double>();
        for (var i = 0; i < features.Length; i++)
        {
            if (Math.Abs(w[i]) >= 1e-6)
            {
                weights[features[i]] = w[i];
            }
        }

        return weights;
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
