namespace Monitor.Core.Tagging;

/// <summary>Turns the hits one theme gathered in one article into its evidence and score.</summary>
internal static class ThemeScore
{
    /// <summary>Drops hits inside another hit of the same theme ("ngộ độc" inside "ngộ độc thực phẩm" is one
    /// mention), then sums weights with repeats of a phrase saturating. Sorts <paramref name="hits"/> in place.</summary>
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

        // Strongest first within each phrase: the first counts fully, each further one Repeat times the one before.
        var byPhrase = kept.ToArray();
        Array.Sort(byPhrase, static (a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group) : b.Weight.CompareTo(a.Weight));
        var score = 0.0;
        var factor = 1.0;
        for (var i = 0; i < byPhrase.Length; i++)
        {
            factor = i > 0 && byPhrase[i].Group == byPhrase[i - 1].Group ? factor * options.Repeat : 1.0;
            score += byPhrase[i].Weight * factor;
        }

        return (score, kept);
    }
}
