using Microsoft.Extensions.Logging;
using Monitor.Core.Time;
using Monitor.Reports.Delivery;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;
using Monitor.Wording;
using Quartz;

namespace Monitor.Reports.Scheduling;

/// <summary>Quota reminders: an outlet behind a quota with 3 days or fewer left in the running period gets one e-mail (its
/// editors and the plan's recipients) naming the quota, what is missing and the themes still uncovered; never twice
/// for the same quota, outlet and period (schema step 5). A failed send is one warning line and is tried again next run.</summary>
public sealed class QuotaReminders(PlanStore plans, ICoverageStore store, SummaryLedger ledger, SummaryMailer mailer, SummaryOptions options, TimeProvider time,
    ILogger<QuotaReminders> log)
{
    public const int DaysLeft = 3;

    /// <summary>Sends the reminders due today; returns how many were sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var sent = 0;
        foreach (var latest in await plans.LatestAsync(ct))
        {
            if (await store.PlanInForceAsync(latest.Id, today, ct) is not { } plan)
            {
                continue;
            }

            List<ThemeGap>? uncovered = null;
            foreach (var q in await store.QuotasAsync(plan, today, QuotaDetail.Counts, ct))
            {
                if (q.Delivered >= q.Required || CoverageRules.PeriodStart(q.Period, today) is not { } start)
                {
                    continue;
                }

                var end = End(q.Period, start);
                end = q.To is { } to && to < end ? to : end;
                var left = end.DayNumber - today.DayNumber;
                var to2 = (options.Editors.GetValueOrDefault(q.Outlet) ?? []).Concat(options.RecipientsOf(plan.Id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (left is < 0 or > DaysLeft || to2.Count == 0 || await ledger.ReminderSentAsync(plan.Id, q.Quota, q.Outlet, start, ct))
                {
                    continue;
                }

                uncovered ??= (await store.GapsAsync(plan, today, ct)).Themes.Where(t => t.Kind == GapKind.Uncovered).ToList();
                var who = CoverageWords.OutletSubject(q.Outlet);
                var subject = $"Nhắc chỉ tiêu: {who} còn thiếu {q.Remaining} {q.Unit}, còn {left} ngày đến hết kỳ";
                var html = $"<p>Kế hoạch {E(plan.Id)}: chỉ tiêu «{E(q.Text)}» ({E(CoverageWords.Rate(q))}{(q.Theme is { } c ? ", chủ đề " + E(c) : "")}).</p>"
                    + $"<p>{E(who)} đã có {q.Delivered}/{q.Required}, còn thiếu {q.Remaining} {E(q.Unit)}; kỳ này kết thúc ngày {end:dd/MM/yyyy}.</p>"
                    + (uncovered.Count == 0 ? "<p>Mọi chủ đề đã có bài.</p>"
                        : "<p>Chủ đề chưa có bài:</p><ul>" + string.Concat(uncovered.Select(t => $"<li>{E(t.Code)} {E(t.Title)}</li>")) + "</ul>");
                try
                {
                    await mailer.SendAsync(to2, subject, html, [], ct);
                }
                catch (Exception e) when (SummaryMailer.IsDeliveryFailure(e))
                {
                    log.LogWarning("không gửi được nhắc chỉ tiêu {Quota} của {Outlet} (kế hoạch {Plan}) qua máy chủ thư {Host}:{Port}: {Error}; lần chạy sau sẽ gửi lại",
                        q.Quota + 1, who, plan.Id, options.Smtp.Host, options.Smtp.Port, e.Message);
                    return sent;
                }

                await ledger.MarkReminderSentAsync(plan.Id, q.Quota, q.Outlet, start, to2, ct);
                sent++;
            }
        }

        return sent;
    }

    private static DateOnly End(string period, DateOnly start) => period switch
    {
        "week" => start.AddDays(6),
        "month" => start.AddMonths(1).AddDays(-1),
        "quarter" => start.AddMonths(3).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };

    private static string E(string text) => Rendering.HtmlRenderer.E(text);
}

/// <summary>The Quartz job of the quota reminders (daily, <see cref="SummaryOptions.ReminderCron"/>).</summary>
[DisallowConcurrentExecution]
public sealed class QuotaReminderJob(QuotaReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await reminders.RunAsync(cancellationToken);
}
