using Monitor.Storage.Coverage;

namespace Monitor.Dashboards;

/// <summary>What the coverage page shows for one plan: coverage, quota status and gaps as of one day.</summary>
internal sealed record PlanAnswers(CoverageReport Coverage, IReadOnlyList<QuotaStatus> Quotas, GapReport Gaps);
