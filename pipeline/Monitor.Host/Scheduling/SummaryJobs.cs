using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Host.Cli;
using Monitor.Reports.Scheduling;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>The leaders' reports in the scheduler (docs/summary.md): the weekly summary on <c>Monitor:Summary:Cron</c>
/// (Monday 07:00, with a catch-up run at start) and the daily quota reminders on <c>Monitor:Summary:ReminderCron</c>.</summary>
internal static class SummaryJobs
{
    public static ScheduledJob Weekly(IConfiguration configuration) => new("summary:weekly", typeof(WeeklySummaryJob),
        ScheduledJob.CronSetting(configuration, "Monitor:Summary:Cron", "0 0 7 ? * MON"), CronTriggerMisfireInstruction.FireAndProceed, RunAtStart: true);

    public static ScheduledJob Reminders(IConfiguration configuration) => new("summary:reminders", typeof(QuotaReminderJob),
        ScheduledJob.CronSetting(configuration, "Monitor:Summary:ReminderCron", "0 0 7 * * ?"), CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>The summaries' services; a wrong Monitor:Summary or Monitor:Llm setting is one line naming it (exit code 2).</summary>
    public static IServiceCollection AddSummaryServices(this IServiceCollection services, IConfiguration configuration)
    {
        try
        {
            return services.AddMonitorSummaries(configuration);
        }
        catch (ReportSettingsException e)
        {
            throw new UserInputException("cấu hình không hợp lệ: " + e.Message.ReplaceLineEndings("; "));
        }
    }
}
