using Microsoft.Extensions.Logging;
using Monitor.Core.Time;
using Monitor.Reports.Delivery;
using Monitor.Reports.Narrative;
using Monitor.Reports.Summary;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;

namespace Monitor.Reports.Scheduling;

/// <summary>One run of the weekly summary: for every plan in force in the week, build, archive (replacing an earlier run)
/// and e-mail it; then retry the deliveries an earlier run could not make. A mail server that cannot be reached is one
/// warning line: the summaries stay archived and the next run sends them.</summary>
public sealed class WeeklySummaryRunner(PlanStore plans, SummaryBuilder builder, NarrativeWriter narrative, ReportArchive archive, SummaryLedger ledger,
    SummaryMailer mailer, SummaryOptions options, TimeProvider time, ILogger<WeeklySummaryRunner> log)
{
    /// <summary>Weeks back a delivery is still retried.</summary>
    private const int RetryWeeks = 4;

    /// <summary>The plans whose themes' windows meet the week, newest version of each.</summary>
    public async Task<IReadOnlyList<StoredPlan>> PlansInForceAsync(IsoWeek week, CancellationToken ct) =>
        (await plans.LatestAsync(ct)).Where(p => p.Plan.Themes.Any(t => (t.Window.From is null || t.Window.From <= week.Sunday) && (t.Window.To is null || t.Window.To >= week.Monday)))
            .ToList();

    public async Task<IReadOnlyList<ArchivedSummary>> RunAsync(IsoWeek week, CancellationToken ct)
    {
        var written = new List<ArchivedSummary>();
        foreach (var plan in await PlansInForceAsync(week, ct))
        {
            if (await builder.BuildAsync(plan.Id, week, ct) is not { } summary)
            {
                continue;
            }

            summary = await narrative.AddToAsync(summary, ct);
            var files = await archive.WriteAsync(summary, ct);
            log.LogInformation("Tóm tắt tuần {Week} của kế hoạch {Plan}: {Path} (và .html, .docx)", summary.Week, summary.Plan, files["md"]);
            written.Add(new ArchivedSummary(summary.Plan, summary.Week, time.GetUtcNow(), files));
        }

        await DeliverPendingAsync(week, ct);
        return written;
    }

    /// <summary>Sends every archived summary of the last weeks not yet delivered to its plan's recipients; stops at the
    /// first failure of the server (one warning line), leaving the rest for the next run.</summary>
    public async Task DeliverPendingAsync(IsoWeek week, CancellationToken ct)
    {
        var oldest = IsoWeek.Of(week.Monday.AddDays(-7 * RetryWeeks));
        foreach (var entry in archive.List().Where(a => IsoWeek.Parse(a.Week) >= oldest && IsoWeek.Parse(a.Week) <= week).Reverse())
        {
            var to = options.RecipientsOf(entry.Plan);
            if (to.Count == 0 || !entry.Files.ContainsKey("html") || await ledger.DeliveredAsync(entry.Plan, entry.Week, ct))
            {
                continue;
            }

            var html = await File.ReadAllTextAsync(entry.Files["html"], ct);
            var iso = IsoWeek.Parse(entry.Week);
            try
            {
                await mailer.SendAsync(to, $"Tóm tắt tuần {iso.Week}/{iso.Year} — kế hoạch {entry.Plan}", html,
                    entry.Files.TryGetValue("docx", out var docx) ? [docx] : [], ct);
            }
            catch (Exception e) when (SummaryMailer.IsDeliveryFailure(e))
            {
                log.LogWarning("không gửi được tóm tắt tuần {Week} của kế hoạch {Plan} qua máy chủ thư {Host}:{Port}: {Error}; đã lưu trong kho, lần chạy sau sẽ gửi lại",
                    entry.Week, entry.Plan, options.Smtp.Host, options.Smtp.Port, e.Message);
                return;
            }

            await ledger.MarkDeliveredAsync(entry.Plan, entry.Week, to, ct);
            log.LogInformation("Đã gửi tóm tắt tuần {Week} của kế hoạch {Plan} tới {Count} người nhận", entry.Week, entry.Plan, to.Count);
        }
    }
}
