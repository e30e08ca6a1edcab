using System.Text.Json;

namespace Monitor.Storage.Coverage;

/// <summary>One coverage number: articles of an outlet on a theme in a period ("2024-W46", "2024-11" or "window").</summary>
public sealed record CoverageRow(string Theme, string Outlet, string Period, int Articles);

/// <summary>One quota of the plan for one outlet (empty: every outlet) as of a day. <paramref name="Quota"/> is its
/// number in the plan from 1, as the quota table and the dashboard's links number it; <paramref name="Progress"/> is
/// <c>met</c>, <c>on_track</c> or <c>behind</c>; <paramref name="ArticleIds"/> the counted articles' ids when the answer
/// lists them (<c>report quotas</c>, the API with <c>ids=true</c>), null when it counts only.</summary>
public sealed record QuotaStatusRow(int Quota, string? Theme, string Outlet, string Text, int Count, string Unit, string Period, DateOnly From, DateOnly? To,
    int PeriodsElapsed, int PeriodsCompleted, int Required, int Delivered, int Remaining, string Progress, bool OnTrack, string? Section, IReadOnlyList<string>? ArticleIds);

/// <summary>One theme's coverage so far in its window. <paramref name="Kind"/> is <c>none</c>, <c>not_started</c>,
/// <c>uncovered</c> or <c>single_outlet</c>; <paramref name="Health"/> covers the outlets that should have covered it and did not.</summary>
public sealed record GapRow(string Theme, string Title, string Kind, int Articles, int Stories, IReadOnlyList<string> Outlets, DateOnly? FirstDay,
    int? LatencyDays, bool SourceMayExplain, IReadOnlyList<OutletHealthRow> Health);

/// <summary>An outlet's sources as the crawler sees them. <paramref name="State"/> is <c>ok</c>, <c>failing</c>,
/// <c>silent</c>, <c>untracked</c>, <c>paused</c> or <c>extraction_failing</c>.</summary>
public sealed record OutletHealthRow(string Outlet, string State, IReadOnlyList<string> Sources, DateTimeOffset? LastSuccess, string? LastError, DateOnly? LastArticleDay);

/// <summary>Articles of the plan around one plan event, per outlet.</summary>
public sealed record EventRow(DateOnly Date, string Title, DateOnly From, DateOnly To, int Articles, IReadOnlyList<OutletArticles> Outlets);

/// <summary>Articles of one outlet.</summary>
public sealed record OutletArticles(string Outlet, int Articles);

/// <summary>The coverage answers as typed rows, numbers as numbers and states as codes: what the JSON API answers and
/// what <c>monitor report ... --format json</c> prints, from one mapping so the two cannot drift.</summary>
public static class CoverageRows
{
    public static IReadOnlyList<CoverageRow> Of(CoverageReport report) => Of(report, null);

    /// <summary>The rows of one outlet when <paramref name="outlet"/> is given, as the API's outlet filter answers.</summary>
    public static IReadOnlyList<CoverageRow> Of(CoverageReport report, string? outlet)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Cells.Where(c => outlet is null || c.Outlet == outlet).Select(c => new CoverageRow(c.Theme, c.Outlet, c.Period, c.Articles)).ToList();
    }

    public static IReadOnlyList<QuotaStatusRow> Of(IReadOnlyList<QuotaStatus> quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        return quotas.Select(q => new QuotaStatusRow(q.Quota + 1, q.Theme, q.Outlet, q.Text, q.Count, q.Unit, q.Period, q.From, q.To, q.PeriodsElapsed, q.PeriodsCompleted,
            q.Required, q.Delivered, q.Remaining, Code(q.Progress), q.OnTrack, q.Section, q.ArticleIds)).ToList();
    }

    public static IReadOnlyList<GapRow> Of(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Themes.Select(t => new GapRow(t.Code, t.Title, Code(t.Kind), t.Articles, t.Stories, t.Outlets, t.FirstDay, t.LatencyDays, t.SourceMayExplain,
            t.Health.Select(h => new OutletHealthRow(h.Outlet, Code(h.State), h.Sources, h.LastSuccess, h.LastError, h.LastArticleDay)).ToList())).ToList();
    }

    public static IReadOnlyList<EventRow> Of(IReadOnlyList<EventCoverage> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Select(e => new EventRow(e.Date, e.Title, e.From, e.To, e.Articles, e.Outlets.Select(o => new OutletArticles(o.Outlet, o.Articles)).ToList())).ToList();
    }

    private static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
