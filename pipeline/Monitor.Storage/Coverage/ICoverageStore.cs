using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

/// <summary>The coverage answers a store gives (SQLite today, Elasticsearch later): both must give the same answers
/// for the same articles, tags and plan, so the arithmetic they share lives in <see cref="CoverageRules"/>.</summary>
public interface ICoverageStore
{
    /// <summary>Theme × outlet × period counts, inside each theme's window and the requested range.</summary>
    Task<CoverageReport> CoverageAsync(StoredPlan plan, CoverageQuery query, CancellationToken ct);

    /// <summary>Every quota of the plan, per outlet, as of the end of <paramref name="asOf"/> (a Vietnamese day); with
    /// <see cref="QuotaDetail.Articles"/> also the counted articles' ids, which cost a read of every one of them.</summary>
    Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, CancellationToken ct);

    /// <summary>As <see cref="QuotasAsync(StoredPlan, DateOnly, QuotaDetail, CancellationToken)"/>, only the rows of one outlet
    /// ("" is the row of every outlet together): the outlet page counts its own, not every outlet's.</summary>
    Task<IReadOnlyList<QuotaStatus>> QuotasAsync(StoredPlan plan, DateOnly asOf, QuotaDetail detail, string outlet, CancellationToken ct);

    /// <summary>Per theme: who covered it so far, the first day and latency, and the health of the outlets missing.</summary>
    Task<GapReport> GapsAsync(StoredPlan plan, DateOnly asOf, CancellationToken ct);

    /// <summary>Articles of the plan per outlet in the days around each plan event.</summary>
    Task<IReadOnlyList<EventCoverage>> EventsAsync(StoredPlan plan, int days, CancellationToken ct);

    /// <summary>A page of a theme's stories in its window up to the end of <paramref name="asOf"/>, newest first, syndicated
    /// copies grouped under their original, with the counts of all of them; null for a theme the plan does not have.</summary>
    Task<ThemeStories?> StoriesAsync(StoredPlan plan, string theme, DateOnly asOf, StoryPage page, CancellationToken ct);

    /// <summary>Source health per outlet, as of a day.</summary>
    Task<IReadOnlyList<OutletHealth>> HealthAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct);

    /// <summary>The plan version in force on <paramref name="asOf"/>: the last loaded by the end of that day, else (a day
    /// before the plan was first loaded) the first version; null for an unknown plan.</summary>
    Task<StoredPlan?> PlanInForceAsync(string planId, DateOnly asOf, CancellationToken ct);
}
