using System.Text;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
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
/// <see cref="RelevanceOptions.MentionWeight"/>). Everything is sorted before use and nothing is random
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
        var near = NearMissesOf(matcher.Plan, byId, tagged, usable, codes, options);

        // A pair's match: the matcher's, or for a theme with cues the near miss (grade "near"), or none.
        SparseVector Pair(string id, string code)
        {
            var text = texts.TryGetValue(id, out var v) ? v : texts[id] = RelevanceFeatures.Text(byId[id]);
            var match = tagged[id].Themes.FirstOrDefault(t => t.Code == code) ?? near.GetValueOrDefault(code)?.Matches.GetValueOrDefault(id);
            return RelevanceFeatures.Pair(byId[id], text, tagged[id], match);
        }
        var examples = new List<Example>();
        var counts = new List<(int Confirmed, int Rejected, int SelfRelevant, int SelfNot)>();
        for (var t = 0; t < codes.Count; t++)
        {
            var code = codes[t];
            var decided = usable.Where(d => d.Theme == code).ToList();
            foreach (var d in decided)
            {
                examples.Add(Of(t, Pair(d.ArticleId, code), d.Relevant, 1));
            }

            var skip = decided.Select(d => d.ArticleId).ToHashSet(StringComparer.Ordinal);
            var selfRelevant = byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) == ThemeGrade.Primary).ToList();
            foreach (var id in selfRelevant)
            {
                examples.Add(Of(t, Pair(id, code), true, options.SelfWeight));
            }

            // The tagger's own "not counted": its undecided mentions (so a confirmed mention promotes only the mentions
            // that look like it more than like the rest), and articles without evidence of the theme.
            var relevant = selfRelevant.Count + decided.Count(d => d.Relevant);
            // With cues, the undecided near misses are weak "not this theme" examples too, and no-evidence examples
            // are drawn from the articles without a cue.
            var nearOf = near.GetValueOrDefault(code)?.Matches ?? new Dictionary<string, ThemeMatch>();
            var selfNot = byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) == ThemeGrade.Mention)
                .Concat(byId.Keys.Where(id => !skip.Contains(id) && Grade(id, code) is null && !nearOf.ContainsKey(id))
                    .OrderBy(id => Pick(id, code)).ThenBy(id => id, StringComparer.Ordinal)
                    .Take(Math.Max(options.MinNegatives, options.NegativesPerPositive * relevant))).ToList();
            foreach (var id in selfNot)
            {
                examples.Add(Of(t, Pair(id, code), false, Grade(id, code) is null ? options.SelfWeight : options.MentionWeight));
            }

            foreach (var id in nearOf.Keys.Where(id => !skip.Contains(id)).Order(StringComparer.Ordinal))
            {
                examples.Add(Of(t, Pair(id, code), false, options.NearWeight));
            }

            counts.Add((decided.Count(d => d.Relevant), decided.Count(d => !d.Relevant), selfRelevant.Count, selfNot.Count));
        }

        var (bias, shared, own) = Fit(examples, codes.Count, options);
        var themes = new SortedDictionary<string, ThemeModel>(StringComparer.Ordinal);
        for (var t = 0; t < codes.Count; t++)
        {
            var c = counts[t];
            var cues = near.GetValueOrDefault(codes[t]);
            themes[codes[t]] = new ThemeModel(bias, own[t], c.Confirmed, c.Rejected, c.SelfRelevant, c.SelfNot)
            {
                Near = cues?.Positives ?? 0, NearCues = cues?.Cues.Written, NearScope = cues?.Scope,
                NearExcept = cues is { Cues.Masks.Count: > 0 } ? cues.Cues.Masks : null, NearExclude = cues?.Exclusions,
            };
        }

        return new RelevanceModel
        {
            PlanId = planId, PlanVersion = planVersion, FeedbackCount = usable.Count, FeatureVersion = RelevanceFeatures.Version,
            DemoteBelow = options.DemoteBelow, PromoteAbove = options.PromoteAbove, NearPromoteAbove = near.Count > 0 ? options.NearPromoteAbove : 0,
            Shared = shared, Themes = themes,
        };
    }

    private sealed record NearOfTheme(Cues Cues, int Positives, IReadOnlyDictionary<string, ThemeMatch> Matches, string? Scope, IReadOnlyList<string>? Exclusions);

    /// <summary>Per theme with decisions: its cues (<see cref="NearMisses.Select"/>) and every training article's near
    /// miss, kept only when analysts' relevant decisions include at least one near miss (an article the matcher missed
    /// that holds a cue: what "added" looks like). Themes without: absent, so nothing changes for them.</summary>
    private static Dictionary<string, NearOfTheme> NearMissesOf(Plan plan, SortedDictionary<string, Article> byId, Dictionary<string, TagResult> tagged,
        List<FeedbackDecision> usable, List<string> codes, RelevanceOptions options)
    {
        bool Missed(string id, string code) => tagged[id].Themes.All(t => t.Code != code);
        var wanting = codes.Where(code => usable.Any(d => d.Theme == code && d.Relevant && Missed(d.ArticleId, code))).ToList();
        var result = new Dictionary<string, NearOfTheme>(StringComparer.Ordinal);
        if (wanting.Count == 0 || options.MaxCues == 0)
        {
            return result;
        }

        // Each training article folded once, searched for every wanting theme's candidates.
        var candidates = wanting.ToDictionary(code => code, code => NearMisses.Candidates(plan.Themes.First(t => t.Code == code)), StringComparer.Ordinal);
        var present = wanting.ToDictionary(code => code, _ => new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var units = options.WordUnits ? new WordUnits(wanting.SelectMany(code => NearMisses.Phrases(plan.Themes.First(t => t.Code == code)))) : null;
        var folds = new Monitor.Core.Text.FoldedText?[3];
        foreach (var (id, article) in byId)
        {
            Array.Clear(folds);
            foreach (var code in wanting)
            {
                present[code][id] = NearMisses.Present(article, candidates[code], folds);
            }

            foreach (var folded in units is null ? [] : folds)
            {
                units!.Add(folded?.Value ?? "");
            }
        }

        var whole = units?.Units();
        foreach (var code in wanting)
        {
            var pieces = whole is null ? candidates[code].Written : [.. candidates[code].Written.Where(c => whole.Contains(Monitor.Core.Text.VietnameseFolding.Key(c)))];
            var selected = NearMisses.Select(pieces, byId.Keys.Select(id => (present[code][id], !Missed(id, code))), options);
            if (selected.Count == 0)
            {
                continue;
            }

            var cues = candidates[code].Only(selected);
            var (scope, exclusions) = (plan.Themes.First(t => t.Code == code).Scope, plan.Themes.First(t => t.Code == code).Exclude);
            var anchor = NearMisses.Anchor(scope);
            var excluder = NearMisses.Excluder(code, exclusions);
            var matches = new SortedDictionary<string, ThemeMatch>(StringComparer.Ordinal);
            foreach (var id in byId.Keys.Where(id => Missed(id, code) && selected.Any(present[code][id].Contains)))
            {
                Array.Clear(folds);
                if (NearMisses.Find(byId[id], code, cues, folds, anchor, excluder) is { } match)
                {
                    matches[id] = match;
                }
            }

            var positives = usable.Count(d => d.Theme == code && d.Relevant && matches.ContainsKey(d.ArticleId));
            if (positives > 0)
            {
                result[code] = new NearOfTheme(cues, positives, matches, anchor is null ? null : scope, excluder is null ? null : exclusions);
            }
        }

        return result;
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

    private static Dictionary<int, double> NonZero(int[] features, double[] w)
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
