namespace Monitor.Core.Learning;

/// <summary>How the relevance model is trained and when it may change a grade (docs/tagging-quality.md,
/// "Learning from feedback", says how these were chosen).</summary>
public sealed record RelevanceOptions
{
    public static readonly RelevanceOptions Default = new();

    /// <summary>A counted theme whose probability falls under this becomes a mention, once analysts have rejected
    /// at least one article of that theme.</summary>
    public double DemoteBelow { get; init; } = 0.4;

    /// <summary>A mention whose probability reaches this counts (partial), once analysts have confirmed or added at
    /// least one article of that theme.</summary>
    public double PromoteAbove { get; init; } = 0.7;

    /// <summary>Weight of the tagger's own examples (its primary hits as relevant, articles without any evidence of
    /// the theme as not) against an analyst's decision (1).</summary>
    public double SelfWeight { get; init; } = 0.3;

    /// <summary>Weight of the tagger's undecided mentions as "not counted" examples: low, so a confirmed mention
    /// promotes the mentions like it, not every mention of the theme.</summary>
    public double MentionWeight { get; init; } = 0.1;

    /// <summary>A near miss (<see cref="NearMisses"/>) whose probability reaches this counts (partial), once analysts
    /// have added or confirmed an article of that theme the matcher missed that holds one of its cues.</summary>
    public double NearPromoteAbove { get; init; } = 0.6;

    /// <summary>A cue is kept when at least this share of the training articles that hold it are tagged with the theme.</summary>
    public double CuePrecision { get; init; } = 0.3;

    /// <summary>… and at least this many training articles hold it (8 chosen on the tuning half, against 3 and 5: a cue
    /// few articles hold is a poor guide to the theme).</summary>
    public int MinCueArticles { get; init; } = 8;

    /// <summary>Keep only the pieces that are word units of the theme's phrases (<see cref="WordUnits"/>), not those
    /// that straddle two words ("năm đổi" of "40 năm đổi mới").</summary>
    public bool WordUnits { get; init; } = true;

    /// <summary>At most this many cues per theme (0: no near misses at all, the learner as before them).</summary>
    public int MaxCues { get; init; } = 8;

    /// <summary>Weight of the undecided near misses as "not this theme" examples (most articles that merely hold a
    /// cue are about something else).</summary>
    public double NearWeight { get; init; } = 0.1;

    /// <summary>L2 penalty on each theme's near-miss part (<see cref="NearPart"/>), per unit of the near-miss examples'
    /// weight.</summary>
    public double NearL2 { get; init; } = 0.01;

    /// <summary>Articles without evidence taken as examples of "not this theme", per relevant example …</summary>
    public int NegativesPerPositive { get; init; } = 3;

    /// <summary>… and at least this many.</summary>
    public int MinNegatives { get; init; } = 30;

    /// <summary>L2 penalty on the weights shared by every theme (per unit of example weight).</summary>
    public double L2 { get; init; } = 0.01;

    /// <summary>L2 penalty on each theme's own part of the weights, so a theme departs from what all themes' decisions
    /// taught only as far as its own decisions carry it (0.01, the same as <see cref="L2"/>, was best on the tuning half;
    /// 0.03 and 0.003 were tried).</summary>
    public double ThemeL2 { get; init; } = 0.01;

    /// <summary>Full-batch gradient steps (no randomness, a fixed order: the same inputs give the same model).</summary>
    public int Iterations { get; init; } = 300;

    public double LearningRate { get; init; } = 1.0;
}
