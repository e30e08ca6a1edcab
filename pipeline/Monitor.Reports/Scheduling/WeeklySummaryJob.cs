using Monitor.Core.Time;
using Quartz;

namespace Monitor.Reports.Scheduling;

/// <summary>The Quartz job of the weekly summary. Fired by its cron trigger (Monday 07:00 by default) it writes the week
/// before the run's; fired any other way (the start trigger of <c>monitor run</c>, <c>--once</c>) it writes the week of
/// the last cron run that should have happened, only when that week is not archived yet — a machine off on Monday
/// catches up once.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklySummaryJob(WeeklySummaryRunner runner, ReportArchive archive, SummaryOptions options, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        if (context.Trigger is not ICronTrigger)
        {
            await CatchUpAsync(now, cancellationToken);
            return;
        }

        await runner.RunAsync(WeekBefore(context.ScheduledFireTimeUtc ?? now), cancellationToken);
    }

    /// <summary>Runs the week of the last scheduled run before <paramref name="now"/> when a plan in force lacks it.</summary>
    public async Task CatchUpAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (LastFireBefore(options.Cron, now) is not { } last)
        {
            return;
        }

        var week = WeekBefore(last);
        var plans = await runner.PlansInForceAsync(week, ct);
        if (plans.Any(p => !archive.Has(p.Id, week.ToString())))
        {
            await runner.RunAsync(week, ct);
        }
        else
        {
            await runner.DeliverPendingAsync(week, ct);
        }
    }

    /// <summary>The ISO week before the one holding the instant (in Vietnam).</summary>
    public static IsoWeek WeekBefore(DateTimeOffset instant) => IsoWeek.Of(IsoWeek.Of(instant).Monday.AddDays(-7));

    /// <summary>The last time the cron (Asia/Ho_Chi_Minh) fired at or before <paramref name="now"/>, looking back 35 days.</summary>
    public static DateTimeOffset? LastFireBefore(string cron, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, VietnamTime.Zone);
        DateTimeOffset? last = null;
        var next = expression.GetNextValidTimeAfter(now.AddDays(-35));
        for (var i = 0; next is { } t && t <= now && i < 100_000; i++)
        {
            last = t;
            next = expression.GetNextValidTimeAfter(t);
        }

        return last;
    }
}
