using Monitor.Core.Tagging;

namespace Monitor.Core.Learning;

/// <summary>Which (article, theme) pairs are worth a second opinion (issue 14 item 5): never a primary hit; with a
/// learnt model for the theme, a probability between the model's demote and promote lines (the model is unsure);
/// without one, thin evidence: a score under twice the threshold.</summary>
public static class Borderline
{
    public static bool Is(ThemeMatch match, RelevanceModel? model, double threshold)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (match.Grade == ThemeGrade.Primary)
        {
            return false;
        }

        return match.Relevance is { } p && model is not null && model.Themes.ContainsKey(match.Code)
            ? p >= model.DemoteBelow && p < model.PromoteAbove
            : match.Score < 2 * threshold;
    }
}
