namespace Monitor.Storage.Plans;

/// <summary>A store that re-tags the articles it holds against a stored plan version: SQLite (<see cref="PlanRetagger"/>)
/// always, Elasticsearch when it is configured (registered by <c>AddMonitorElasticsearch</c>). <c>monitor retag</c> and
/// the dashboard's re-tag run every registered one in registration order, so both choose the stores the same way.</summary>
public interface IStoreRetagger
{
    /// <summary>The store's name, for progress and messages ("SQLite", "Elasticsearch").</summary>
    string Store { get; }

    /// <param name="review">The run's second opinion (<see cref="IRetagReviewer"/>), or null. Every store's re-tag asks it
    /// about each article's result before writing the page (one run, one budget, whichever store holds the articles).</param>
    /// <param name="progress">Gets (articles done, articles in the windows) as the store goes.</param>
    Task<RetagSummary> RetagAsync(StoredPlan plan, IRetagReview? review, IProgress<(long Done, long Total)>? progress, CancellationToken ct);
}
