using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Articles;
using Monitor.Core.Scope;
using Monitor.Core.Tagging;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>The second stage after the matcher (issue 14 item 4): per theme of one plan, a relevance model learnt
/// from analysts' feedback and the tagger's own confident hits. It reads the matcher's result and may demote a counted
/// theme to a mention or promote a mention to partial, and add a theme the matcher missed only as a promoted near miss
/// (<see cref="NearMisses"/>: the theme's cues in the article, analysts having added such articles); a theme it has no
/// model for is left exactly as the matcher gave it. Immutable and thread-safe.</summary>
public sealed class RelevanceModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // The scope anchors of themes with near misses, built on first use (an automaton over the province's places).
    private readonly ConcurrentDictionary<string, ScopeAnchor?> _anchors = new(StringComparer.Ordinal);

    // The themes' cues ready to search and their exclusions' matchers, built on first use.
    private readonly ConcurrentDictionary<string, Cues> _cues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PlanMatcher?> _excluders = new(StringComparer.Ordinal);

    [JsonPropertyName("plan")] public required string PlanId { get; init; }

    /// <summary>The plan version the model was trained with.</summary>
    [JsonPropertyName("plan_version")] public required int PlanVersion { get; init; }

    /// <summary>How many analysts' decisions (in force, one per article and theme) it was trained on.</summary>
    [JsonPropertyName("feedback")] public required int FeedbackCount { get; init; }

    /// <summary>The version of the features it was trained on (<see cref="RelevanceFeatures.Version"/>; absent in models
    /// stored before 2026-12-07's second version: 1). A model of another version is not applied until re-trained.</summary>
    [JsonPropertyName("features")] public int FeatureVersion { get; init; } = 1;

    [JsonPropertyName("demote_below")] public required double DemoteBelow { get; init; }

    [JsonPropertyName("promote_above")] public required double PromoteAbove { get; init; }

    /// <summary>A near miss whose probability reaches this is added as partial (0, absent: no theme has cues).</summary>
    [JsonPropertyName("near_promote_above")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double NearPromoteAbove { get; init; }

    /// <summary>The weights every theme's model adds to its own (what all themes' decisions taught), stored once.</summary>
    [JsonPropertyName("shared")] public IReadOnlyDictionary<int, double> Shared { get; init; } = new Dictionary<int, double>();

    /// <summary>Theme code → its model (its own part of the weights); themes without feedback have none.</summary>
    [JsonPropertyName("themes")] public required IReadOnlyDictionary<string, ThemeModel> Themes { get; init; }

    /// <summary>The matcher's result with the learnt grades: each theme with a model gets its probability
    /// (<see cref="ThemeMatch.Relevance"/>) and possibly a new grade; the same instance when no theme has a model.</summary>
    public TagResult Apply(Article article, TagResult result)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(result);
        if (FeatureVersion != RelevanceFeatures.Version)
        {
            return result;
        }

        SparseVector? text = null;
        ThemeMatch[]? changed = null;
        for (var i = 0; i < result.Themes.Count; i++)
        {
            var match = result.Themes[i];
            if (!Themes.TryGetValue(match.Code, out var model))
            {
                continue;
            }

            text ??= RelevanceFeatures.Text(article);
            var p = model.Probability(RelevanceFeatures.Pair(article, text.Value, result, match), Shared);
            changed ??= [.. result.Themes];
            changed[i] = match with { Grade = Grade(match, model, p), Relevance = Math.Round(p, 3) };
        }

        var promoted = NearMissesOf(article, result, ref text);
        if (promoted is not null)
        {
            changed = [.. changed ?? result.Themes, .. promoted];
        }

        return changed is null ? result : result with { Themes = changed };
    }

    /// <summary>The near misses promoted to partial, in code order (null: none). Looked for only for themes whose model
    /// has cues (analysts added articles of it the matcher missed), so a model without them costs nothing here.</summary>
    private List<ThemeMatch>? NearMissesOf(Article article, TagResult result, ref SparseVector? text)
    {
        List<ThemeMatch>? promoted = null;
        FoldedText?[]? folds = null;
        foreach (var (code, model) in Themes)
        {
            if (model.NearCues is not { Count: > 0 } || model.Near == 0 || result.Themes.Any(t => t.Code == code))
            {
                continue;
            }

            folds ??= new FoldedText?[3];
            var anchor = model.NearScope is null ? null : _anchors.GetOrAdd(model.NearScope, NearMisses.Anchor);
            var search = _cues.GetOrAdd(code, static (_, m) => new Cues(m.NearCues!, m.NearExcept ?? []), model);
            var excluder = model.NearExclude is null ? null : _excluders.GetOrAdd(code, static (c, m) => NearMisses.Excluder(c, m.NearExclude), model);
            if (NearMisses.Find(article, code, search, folds, anchor, excluder) is not { } near)
            {
                continue;
            }

            text ??= RelevanceFeatures.Text(article);
            var p = model.NearProbability(RelevanceFeatures.Pair(article, text.Value, result, near), Shared);
            if (p >= NearPromoteAbove)
            {
                (promoted ??= []).Add(near with { Grade = ThemeGrade.Partial, Relevance = Math.Round(p, 3) });
            }
        }

        return promoted;
    }

    private string Grade(ThemeMatch match, ThemeModel model, double p)
    {
        if (match.Counts && model.Rejected > 0 && p < DemoteBelow)
        {
            return ThemeGrade.Mention;
        }

        return !match.Counts && model.Confirmed > 0 && p >= PromoteAbove ? ThemeGrade.Partial : match.Grade;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">The text is not a stored model.</exception>
    public static RelevanceModel FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RelevanceModel>(json, Json) ?? throw new FormatException("empty relevance model");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a relevance model: {e.Message}", e);
        }
    }
}
