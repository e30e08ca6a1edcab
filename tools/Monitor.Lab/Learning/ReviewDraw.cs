using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Lab.Learning;

/// <summary>bench learn --draw queue: simulated analysts who decide the review queue's top pairs instead of pairs
/// drawn at random. Round one ranks the training part's shown pairs (every grade, as the dashboard's queue lists
/// tags and mentions; doubt 0 left out, as it leaves them out) by the tagger's own doubt (<see cref="ReviewPriority"/>); each round's decisions are answered
/// from the labels, a model is trained on all decisions so far, and the next round is ranked with that model's
/// probabilities. Deterministic, so the sequence of one training part is computed once and its prefixes reused.</summary>
internal static class ReviewDraw
{
    private sealed record State(List<FeedbackDecision> Decided, RelevanceModel? Model, bool Exhausted);

    // Per training part (the same delegate for every point and repeat of one run) and round size.
    private static readonly Dictionary<(Func<string, bool> Part, int Round), State> Sequences = [];

    public static List<FeedbackDecision> Take(Plan plan, PlanMatcher matcher, LabelledSample sample, Dictionary<string, TagResult> found, Func<string, bool> train,
        RelevanceOptions options, int round, int asked, CancellationToken ct)
    {
        var key = (train, round);
        var state = Sequences.TryGetValue(key, out var known) ? known : new State([], null, false);
        var articles = sample.Labelled.Where(a => train(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        while (state.Decided.Count < asked && !state.Exhausted)
        {
            ct.ThrowIfCancellationRequested();
            var decided = state.Decided.Select(d => (d.ArticleId, d.Theme)).ToHashSet();
            var model = state.Model;
            var candidates = articles
                .SelectMany(a => (model?.Apply(a, found[a.Id]) ?? found[a.Id]).Themes.Select(t => (Article: a.Id, Match: t)))
                .Where(c => !decided.Contains((c.Article, c.Match.Code)))
                .Select(c => (c.Article, c.Match.Code, Doubt: ReviewPriority.Doubt(c.Match.Grade, c.Match.Score, c.Match.Relevance, model?.DemoteBelow ?? options.DemoteBelow, model?.PromoteAbove ?? options.PromoteAbove, matcher.Threshold)))
                .Where(c => c.Doubt > 0)   // as the product's queue: a pair the tagger is sure of is not listed
                .ToList();
            var next = ReviewPriority.Interleave(candidates, c => c.Code, c => c.Doubt, c => c.Article).Take(round)
                .Select(c => new FeedbackDecision(c.Article, c.Code, sample.Labels[c.Article].Contains(c.Code)))
                .ToList();
            List<FeedbackDecision> all = [.. state.Decided, .. next];
            var trained = next.Count == 0 ? model : RelevanceTrainer.Train(plan.Id ?? "plan", 1, matcher, articles.Concat(sample.Rest), all, options);
            state = new State(all, trained, next.Count == 0);
        }

        Sequences[key] = state;
        return [.. state.Decided.Take(asked)];
    }
}
