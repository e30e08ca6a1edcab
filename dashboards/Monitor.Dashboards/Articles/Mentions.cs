using Monitor.Core.Tagging;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Articles;

/// <summary>A theme an article only passes by (grade "nhắc đến", table tag_mentions): shown on the article page apart
/// from the counted themes, never counted.</summary>
public sealed record Mention(string Plan, string Theme, string Title, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>The article page's "Chỉ nhắc đến" section and its download read the passing mentions here, once per view.</summary>
public static class Mentions
{
    /// <summary>The passing mentions of an article, by plan and theme, titled from the newest version of each plan,
    /// through the store's <see cref="IArticleStore"/>.</summary>
    public static async Task<IReadOnlyList<Mention>> ReadAsync(IArticleStore store, IReadOnlyList<StoredPlan> plans, string article, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plans);
        var titles = plans.ToDictionary(p => p.Id, p => p.Plan.Themes.ToDictionary(t => t.Code, t => t.Title));
        return (await store.MentionsAsync(article, ct))
            .Select(m => new Mention(m.Plan, m.Theme, titles.GetValueOrDefault(m.Plan)?.GetValueOrDefault(m.Theme) ?? "", m.Score, m.Evidence))
            .ToList();
    }
}
