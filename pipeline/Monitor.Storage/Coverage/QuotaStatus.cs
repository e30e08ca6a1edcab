namespace Monitor.Storage.Coverage;

/// <summary>One quota of the plan for one outlet: how much was required up to a day, how much was delivered.</summary>
/// <param name="Quota">Position of the quota in the plan (0-based).</param>
/// <param name="Outlet">The outlet, or empty when the quota names none (all outlets count).</param>
/// <param name="PeriodsElapsed">Periods of the window started by the as-of day (the running one included).</param>
/// <param name="PeriodsCompleted">Periods of the window ended by the as-of day.</param>
/// <param name="Required">Count × periods elapsed: what must be delivered by the end of the running period.</param>
/// <param name="Section">The outlet's column a "chuyên mục" quota counted, when its articles carry one that matches.</param>
/// <param name="ArticleIds">The counted articles' ids in ordinal order when asked for (<see cref="QuotaDetail.Articles"/>);
/// null when the answer counts only (<see cref="QuotaDetail.Counts"/>).</param>
public sealed record QuotaStatus(
    int Quota,
    string? Theme,
    string Outlet,
    int Count,
    string Unit,
    string Period,
    DateOnly From,
    DateOnly? To,
    int PeriodsElapsed,
    int PeriodsCompleted,
    int Required,
    int Delivered,
    string? Section,
    IReadOnlyList<string>? ArticleIds,
    string Text)
{
    public int Remaining => Math.Max(0, Required - Delivered);

    /// <summary>On track when every ended period's share is delivered; the running period may still be open.</summary>
    public bool OnTrack => Delivered >= Count * PeriodsCompleted;

    /// <summary>Met (everything required so far delivered), on track, or behind.</summary>
    public QuotaProgress Progress => Delivered >= Required ? QuotaProgress.Met : OnTrack ? QuotaProgress.OnTrack : QuotaProgress.Behind;
}

/// <summary>Where a quota stands: the words for it are the reader's (Monitor.Dashboards/Wording).</summary>
public enum QuotaProgress
{
    Met,
    OnTrack,
    Behind,
}

/// <summary>What a quota answer carries: the counts only (the overview, summaries, reminders, the API by default: the
/// store counts, no id travels) or also every counted article's id (a page or report that lists them).</summary>
public enum QuotaDetail
{
    Counts,
    Articles,
}
