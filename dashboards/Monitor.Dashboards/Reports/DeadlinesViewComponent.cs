using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Time;
using Monitor.Reports.Summary;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Reports;

/// <summary>A report deadline of the plan as it is shown on Tổng quan: the day, what is due, how many days are left.</summary>
public sealed record DeadlineTile(DateOnly Day, string Text, int DaysLeft);

/// <summary>The overview's report-deadline tiles: the plan's deadlines (once or "monthly:N") falling from today to
/// <see cref="DaysBefore"/> days ahead, so a deadline shows from 7 days before it (as in the weekly summary's
/// "next week"), by the clock of <see cref="TimeProvider"/> (Asia/Ho_Chi_Minh days).</summary>
[ViewComponent(Name = "Deadlines")]
public sealed class DeadlinesViewComponent(ICoverageStore coverage, TimeProvider time) : ViewComponent
{
    public const int DaysBefore = 7;

    public async Task<IViewComponentResult> InvokeAsync(string plan)
    {
        using var span = Diagnostics.ServerTimingSpans.Measure("deadlines");
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var stored = await coverage.PlanInForceAsync(plan, today, HttpContext.RequestAborted);
        var tiles = stored is null ? [] : Due(stored.Plan, today);
        return View(tiles);
    }

    /// <summary>The deadlines from <paramref name="today"/> to <see cref="DaysBefore"/> days ahead, nearest first.</summary>
    public static IReadOnlyList<DeadlineTile> Due(Core.Plans.Plan plan, DateOnly today) =>
        SummaryBuilder.Upcoming(plan, today, today.AddDays(DaysBefore)).Where(i => i.Kind == UpcomingKind.Deadline)
            .Select(i => new DeadlineTile(i.Date, i.Text, i.Date.DayNumber - today.DayNumber)).ToList();
}
