using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Core.Time;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Learning;

/// <summary>What one training did.</summary>
public sealed record LearnSummary(RelevanceModel Model, int Articles, bool Changed);

/// <summary>Trains a plan's relevance model from the store (issue 14 item 4): the decisions in force (the latest per
/// article and theme; confirmed and added = relevant, rejected = not) and, for the tagger's own confident examples, the
/// newest <see cref="SelfTrainingArticles"/> articles inside the plan's windows; then stores it. <paramref name="options"/>:
/// how it trains (the host's settings; <see cref="RelevanceOptions.Default"/> without them).</summary>
public sealed class RelevanceLearner(MonitorDatabase db, FeedbackStore feedback, RelevanceModels models, RelevanceOptions? options = null)
{
    public const int SelfTrainingArticles = 5000;

    public async Task<LearnSummary> LearnAsync(StoredPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var decisions = (await feedback.ListAsync(plan.Id, ct))
            .GroupBy(e => (e.ArticleId, e.Theme))
            .Select(g => g.MaxBy(e => e.Id)!)
            .Select(e => new FeedbackDecision(e.ArticleId, e.Theme, e.Verdict != Verdict.Rejected))
            .ToList();
        var reader = new ArticleReader(db);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var id in decisions.Select(d => d.ArticleId).Distinct())
        {
            if (await reader.GetAsync(id, ct) is { } article)
            {
                articles[id] = article;
            }
        }

        var (fromDay, toDay) = PlanRetagger.Span(plan.Plan);
        foreach (var article in await reader.NewestPublishedAsync(fromDay is { } f ? VietnamTime.StartOfDay(f) : null,
                     toDay is { } t ? VietnamTime.StartOfDay(t.AddDays(1)) : null, SelfTrainingArticles, ct))
        {
            articles.TryAdd(article.Id, article);
        }

        var model = RelevanceTrainer.Train(plan.Id, plan.Version, new PlanMatcher(plan.Plan), articles.Values, decisions, options);
        return new LearnSummary(model, articles.Count, await models.SaveAsync(model, ct));
    }
}
