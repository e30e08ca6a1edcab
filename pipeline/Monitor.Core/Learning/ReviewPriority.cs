using Monitor.Core.Tagging;

namespace Monitor.Core.Learning;

/// <summary>Which undecided (article, theme) pairs an analyst should decide first (the review queue "Cần xem xét",
/// issue 14 item 4): the ones the tagger is least sure of, so a few decisions teach the learner the most. The same
/// ranking serves the dashboard, the API, <c>monitor feedback queue</c> and <c>bench learn --draw queue</c>.</summary>
public static class ReviewPriority
{
    /// <summary>How doubtful the tagger is about one pair, from 0 (sure) to 1 (a coin toss). With the learnt model's
    /// probability for the pair (<see cref="ThemeMatch.Relevance"/>, set only for a theme the model has): how near it is
    /// to the line that would move the grade (the demote line for a counted hit, the promote line for a mention).
    /// Without one: a partial hit is less sure than a primary one and a thin score (near the threshold) less sure than a
    /// thick one; a mention is the more doubtful the higher its score (it nearly counted).</summary>
    /// <param name="demoteBelow">The model's <see cref="RelevanceModel.DemoteBelow"/>.</param>
    /// <param name="promoteAbove">The model's <see cref="RelevanceModel.PromoteAbove"/>.</param>
    /// <param name="threshold">The matcher's tagging threshold (<see cref="ScoringOptions.Threshold"/>, 1.0).</param>
    public static double Doubt(string grade, double score, double? relevance, double demoteBelow, double promoteAbove, double threshold = 1.0)
    {
        var counts = ThemeGrade.Counts(grade);
        if (relevance is { } p)
        {
            return Math.Clamp(1 - Math.Abs(p - (counts ? demoteBelow : promoteAbove)), 0, 1);
        }

        // Above the threshold, 2 × threshold further is a sure score (a title hit and a lead hit).
        var thickness = Math.Clamp((score - threshold) / (2 * threshold), 0, 1);
        if (!counts)
        {
            return 0.5 * thickness;
        }

        return grade == ThemeGrade.Primary ? 0.5 * (1 - thickness) : 0.5 + (0.5 * (1 - thickness));
    }

    /// <summary>The pairs in review order: each theme's pairs by doubt (most doubtful first; ties by article id), the
    /// themes taken in turn, one pair each, the theme holding the most doubtful pair first — so one theme with many
    /// doubtful hits does not fill the queue.</summary>
    public static IReadOnlyList<T> Interleave<T>(IEnumerable<T> items, Func<T, string> theme, Func<T, double> doubt, Func<T, string> articleId)
    {
        ArgumentNullException.ThrowIfNull(items);
        var queues = items.GroupBy(theme, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(doubt).ThenBy(articleId, StringComparer.Ordinal).ToList())
            .OrderByDescending(q => doubt(q[0])).ThenBy(q => theme(q[0]), StringComparer.Ordinal)
            .ToList();
        var result = new List<T>(queues.Sum(q => q.Count));
        for (var i = 0; result.Count < result.Capacity; i++)
        {
            result.AddRange(queues.Where(q => i < q.Count).Select(q => q[i]));
        }

        return result;
    }
}
