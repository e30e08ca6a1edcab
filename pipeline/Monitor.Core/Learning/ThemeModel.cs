using System.Text.Json.Serialization;

namespace Monitor.Core.Learning;

/// <summary>One theme's logistic model: bias and the weights of the hashed features it was trained on (its own part,
/// added to the plan's shared part; its near misses also read <see cref="NearWeights"/>), and how many examples of each kind it saw (a grade changes only in the direction analysts have shown: <see cref="Rejected"/>
/// for demotions, <see cref="Confirmed"/> for promotions; <see cref="Near"/> for near misses).</summary>
public sealed record ThemeModel(
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<int, double> Weights,
    [property: JsonPropertyName("confirmed")] int Confirmed,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("self_relevant")] int SelfRelevant,
    [property: JsonPropertyName("self_not")] int SelfNot)
{
    /// <summary>Relevant decisions (added or confirmed) on articles the matcher missed that hold one of the theme's
    /// <see cref="NearCues"/>: the near misses analysts have shown. Absent (0) in models without them.</summary>
    [JsonPropertyName("near")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Near { get; init; }

    /// <summary>The theme's cues (two-word pieces of its phrases as written, <see cref="NearMisses"/>; models stored
    /// before 2026-12-07's second near-miss round hold them folded, which <see cref="Cues"/> compares on the folded key
    /// alone), kept only when <see cref="Near"/> is above 0: a theme without them never has a near miss looked for.</summary>
    [JsonPropertyName("near_cues")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NearCues { get; init; }

    /// <summary>The folded phrases a cue occurrence must not lie inside (the theme's EXCEPT, NOT and exclusion phrases
    /// that hold a cue, <see cref="Cues"/>); absent when none.</summary>
    [JsonPropertyName("near_except")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NearExcept { get; init; }

    /// <summary>The theme's exclusions, kept with its cues: a near miss is not looked for in an article one of them holds
    /// in, as the matcher keeps the theme off it (<see cref="NearMisses.Excluder"/>); absent when none.</summary>
    [JsonPropertyName("near_exclude")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NearExclude { get; init; }

    /// <summary>The theme's scope (a province of the gazetteer), kept with its cues: a near miss counts only in an article
    /// anchored there, as the matcher's hits do.</summary>
    [JsonPropertyName("near_scope")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NearScope { get; init; }

    /// <summary>The theme's near-miss part (<see cref="NearPart"/>): weights that only its near misses read, learnt from
    /// them alone on top of the rest of the model, so that near misses move no other pair. Absent in models without near
    /// misses and in those stored before 2026-12-07's third near-miss round, whose near misses were learnt in the shared
    /// and own parts and are scored by them alone, as then.</summary>
    [JsonPropertyName("near_weights")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<int, double>? NearWeights { get; init; }

    /// <summary>The log-odds of relevance of a pair the matcher found: the bias, the weights shared by every theme of
    /// the plan and the theme's own.</summary>
    internal double Score(SparseVector x, IReadOnlyDictionary<int, double> shared) => Bias + x.Dot(shared) + x.Dot(Weights);

    /// <summary>The probability of relevance of a pair the matcher found.</summary>
    internal double Probability(SparseVector x, IReadOnlyDictionary<int, double> shared) => Logistic(Score(x, shared));

    /// <summary>The probability of relevance of a near miss: <see cref="Score"/> plus the near-miss part.</summary>
    internal double NearProbability(SparseVector x, IReadOnlyDictionary<int, double> shared) => Logistic(Score(x, shared) + (NearWeights is null ? 0 : x.Dot(NearWeights)));

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));
}
