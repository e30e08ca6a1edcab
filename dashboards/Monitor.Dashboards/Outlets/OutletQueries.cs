using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Outlets;

/// <summary>The outlet page's read of the store (<see cref="IArticleStore"/>): an outlet's latest articles with the plan's themes they counted for.</summary>
public sealed class OutletQueries(IArticleStore articles)
{
    /// <summary>The outlet's articles of the ISO weeks [<paramref name="fromWeek"/>, <paramref name="toWeek"/>] up to the end
    /// of <paramref name="toUtcMs"/>, newest first.</summary>
    public Task<IReadOnlyList<ListedArticle>> RecentAsync(string planId, string outlet, string fromWeek, string toWeek, long toUtcMs, int limit, CancellationToken ct) =>
        articles.RecentAsync(planId, outlet, fromWeek, toWeek, toUtcMs, limit, ct);
}
