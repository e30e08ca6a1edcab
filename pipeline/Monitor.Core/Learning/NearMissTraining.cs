using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>What <see cref="RelevanceTrainer"/> learns near misses from (<see cref="NearMisses"/>): per theme, its cues
/// and the training articles' near misses, and the examples of the theme's near-miss part (<see cref="NearPart"/>).</summary>
internal static class NearMissTraining
{
    public sealed record OfTheme(Cues Cues, int Positives, IReadOnlyDictionary<string, ThemeMatch> Matches, string? Scope, IReadOnlyList<string>? Exclusions);

    /// <summary>Per theme with decisions: its cues (<see cref="NearMisses.Select"/>) and every training article's near
    /// miss, kept only when analysts' relevant decisions include at least one near miss (an article the matcher missed
    /// that holds a cue: what "added" looks like). Themes without: absent, so nothing changes for them.</summary>
    public static Dictionary<string, OfTheme> Find(Plan plan, SortedDictionary<string, Article> byId, Dictionary<string, TagResult> tagged,
        List<FeedbackDecision> usable, List<string> codes, RelevanceOptions options)
    {
        bool Missed(string id, string code) => tagged[id].Themes.All(t => t.Code != code);
        var wanting = codes.Where(code => usable.Any(d => d.Theme == code && d.Relevant && Missed(d.ArticleId, code))).ToList();
        var result = new Dictionary<string, OfTheme>(StringComparer.Ordinal);
        if (wanting.Count == 0 || options.MaxCues == 0)
        {
            return result;
        }

        Theme ThemeOf(string code) => plan.Themes.First(t => t.Code == code);

        // Each training article folded once, searched for every wanting theme's candidates.
        var candidates = wanting.ToDictionary(code => code, code => NearMisses.Candidates(ThemeOf(code)), StringComparer.Ordinal);
        var present = wanting.ToDictionary(code => code, _ => new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var units = options.WordUnits ? new WordUnits(wanting.SelectMany(code => NearMisses.Phrases(ThemeOf(code)))) : null;
        var folds = new FoldedText?[3];
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
            var pieces = whole is null ? candidates[code].Written : [.. candidates[code].Written.Where(c => whole.Contains(VietnameseFolding.Key(c)))];
            var selected = NearMisses.Select(pieces, byId.Keys.Select(id => (present[code][id], !Missed(id, code))), options);
            if (selected.Count == 0)
            {
                continue;
            }

            var cues = candidates[code].Only(selected);
            var (scope, exclusions) = (ThemeOf(code).Scope, ThemeOf(code).Exclude);
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
                result[code] = new OfTheme(cues, positives, matches, anchor is null ? null : scope, excluder is null ? null : exclusions);
            }
        }

        return result;
    }

    /// <summary>A theme's near-miss examples, with the cue as their evidence: its decided near misses (added: relevant,
    /// weight 1) and its undecided ones (not this theme, weight <see cref="RelevanceOptions.NearWeight"/>: most articles
    /// that merely hold a cue are about something else), decisions first, each in article order. <paramref name="pair"/>
    /// gives a near miss's features, <paramref name="score"/> the log-odds the fitted model gives them (the offset).</summary>
    public static List<NearPart.Example> Examples(OfTheme near, string code, List<FeedbackDecision> usable, RelevanceOptions options,
        Func<string, SparseVector> pair, Func<SparseVector, double> score)
    {
        var examples = new List<NearPart.Example>();
        void Add(string id, bool relevant, double weight)
        {
            var x = pair(id);
            examples.Add(new NearPart.Example(x, score(x), relevant ? 1 : 0, weight));
        }

        var decided = usable.Where(d => d.Theme == code).ToList();
        foreach (var d in decided.Where(d => near.Matches.ContainsKey(d.ArticleId)))
        {
            Add(d.ArticleId, d.Relevant, 1);
        }

        foreach (var id in near.Matches.Keys.Except(decided.Select(d => d.ArticleId), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(id, false, options.NearWeight);
        }

        return examples;
    }
}
