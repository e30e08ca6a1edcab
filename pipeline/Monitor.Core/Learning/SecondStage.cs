using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Core.Learning;

/// <summary>The matcher followed by the plan's learnt model, when there is one: what every tagger runs.</summary>
public static class SecondStage
{
    /// <summary>The matcher's result, passed through <paramref name="model"/> when not null (no model: the matcher's
    /// result unchanged).</summary>
    public static TagResult Tag(this PlanMatcher matcher, Article article, RelevanceModel? model)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var result = matcher.Tag(article);
        return model is null ? result : model.Apply(article, result);
    }
}
