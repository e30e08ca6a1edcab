using System.Text.Json.Serialization;

namespace Monitor.Core.Learning;

/// <summary>One theme's logistic model: bias and the weights of the hashed features it was trained on, and how many
/// examples of each kind it saw (a grade changes only in the direction analysts have shown: <see cref="Rejected"/>
/// for demotions, <see cref="Confirmed"/> for promotions).</summary>
public sealed record ThemeModel(
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<int, double> Weights,
    [property: JsonPropertyName("confirmed")] int Confirmed,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("self_relevant")] int SelfRelevant,
    [property: JsonPropertyName("self_not")] int SelfNot)
{
    /// <summary>The probability of relevance: the bias, the weights shared by every theme of the plan and the theme's own.</summary>
    internal double Probability(SparseVector x, IReadOnlyDictionary<int, double> shared) => 1 / (1 + Math.Exp(-(Bias + x.Dot(shared) + x.Dot(Weights))));
}
