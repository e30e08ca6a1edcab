namespace Monitor.Core.Tagging;

/// <summary>Turns the hits one theme gathered in one article into its evidence and score.</summary>
internal static class ThemeScore
{
    /// <summary>Drops hits inside another hit of the same theme ("ngộ độc" inside "ngộ độc thực phẩm" is one
    /// mention), then sums weights with repeats of a phrase saturating.</summary>
    public static (double Score, List<Hit> Evidence) Of(List<Hit> hits, ScoringOptions options)
    {
        hits.Sort(static (a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start) : (b.End - b.Start).CompareTo(a.End - a.Start));
        var kept = new List<Hit>(hits.Count);
        foreach (var hit in hits)
        {
            if (kept.Count == 0 || !kept[^1].Contains(hit))
            {
                kept.Add(hit);
            }
        }

        var score = 0.0;
        foreach (var group in kept.GroupBy(h => h.Group))
        {
            var factor = 1.0;
            foreach (var weight in group.Select(h => h.Weight).OrderByDescending(w => w))
            {
                score += weight * factor;
                factor *= options.Repeat;
            }
        }

        return (score, kept);
    }
}
