using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

namespace Monitor.Elasticsearch;

/// <summary>The Elasticsearch store's re-tag behind the seam every re-tag goes through (<see cref="IStoreRetagger"/>):
/// the plan's learnt relevance model (kept in SQLite) read first, as <c>monitor retag</c> always did, then
/// <see cref="ElasticsearchRetagger"/> with the run's second opinion (the same budget and cache as SQLite's re-tag).</summary>
internal sealed class ElasticsearchStoreRetagger(ElasticsearchRetagger retagger, RelevanceModels models) : IStoreRetagger
{
    public string Store => "Elasticsearch";

    public async Task<RetagSummary> RetagAsync(StoredPlan plan, IRetagReview? review, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return await retagger.RetagAsync(plan, progress, ct, await models.FindAsync(plan.Id, ct), review);
    }
}
