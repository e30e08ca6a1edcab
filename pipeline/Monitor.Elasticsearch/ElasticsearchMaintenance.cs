using Monitor.Storage.Maintenance;

namespace Monitor.Elasticsearch;

/// <summary>The Elasticsearch store's nightly upkeep, run by the scheduler's <c>maintenance:store</c> job beside SQLite's:
/// the indices are ensured (a mapping a newer release added is put on an index created before it), every analyst
/// decision in force is re-applied to the tags index (<see cref="ElasticsearchFeedbackReplay"/>: a push the dashboard
/// could not make reaches the index by the next morning), and both are refreshed, so everything the taggers wrote is
/// searchable before the morning's summary. No force-merge: the indices are written all day, and Elasticsearch merges
/// segments itself.</summary>
public sealed class ElasticsearchMaintenance(ElasticsearchIndices indices, ElasticsearchFeedbackReplay? feedback = null) : IStoreMaintenance
{
    public string Name => "elasticsearch";

    public async Task RunAsync(CancellationToken ct)
    {
        await indices.EnsureAsync(ct);
        if (feedback is not null)
        {
            await feedback.RunAsync(ct);
        }

        await indices.RefreshAsync(ct);
    }
}
