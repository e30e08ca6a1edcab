using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Reports.Delivery;
using Monitor.Reports.Narrative;
using Monitor.Storage;
using Monitor.Storage.Summaries;
using Quartz;

namespace Monitor.Reports.Scheduling;

/// <summary>A setting the reports cannot run with; the message names it.</summary>
public sealed class ReportSettingsException(string message) : Exception(message);

/// <summary>Composition of the scheduled summaries: options checked at start, archive, ledger, mailer, narrative, runner,
/// reminders; and the Quartz jobs for the scheduler role (<c>monitor run</c>) to add.</summary>
public static class SummaryScheduling
{
    /// <summary>Registers everything the summary jobs need; a wrong setting throws <see cref="ReportSettingsException"/>
    /// with every problem, one per line.</summary>
    public static IServiceCollection AddMonitorSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        var summary = configuration.GetSection(SummaryOptions.Section).Get<SummaryOptions>() ?? new SummaryOptions();
        var llm = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        var errors = summary.Validate().Concat(llm.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new ReportSettingsException(string.Join("\n", errors));
        }

        services.AddMonitorReports();
        services.AddSingleton(summary);
        services.AddSingleton(llm);
        services.AddSingleton(sp => new ReportArchive(Path.GetDirectoryName(sp.GetRequiredService<MonitorDatabase>().Path)!));
        services.AddSingleton<SummaryLedger>();
        services.AddSingleton<SummaryMailer>();
        services.AddSingleton(sp => new NarrativeWriter(llm, new HttpClient { Timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds + 5) },
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<NarrativeWriter>>()));
        services.AddSingleton<WeeklySummaryRunner>();
        services.AddSingleton<QuotaReminders>();
        services.AddTransient<WeeklySummaryJob>();
        services.AddTransient<QuotaReminderJob>();
        return services;
    }

    /// <summary>The weekly summary on its cron, a catch-up run once at start, and the daily quota reminders (all Asia/Ho_Chi_Minh).</summary>
    public static IQuartzBuilder AddSummaryJobs(this IQuartzBuilder quartz, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(options);
        var summary = new JobKey("summary:weekly");
        quartz.AddJob<WeeklySummaryJob>(j => j.WithIdentity(summary).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(summary).WithIdentity("summary:cron")
            .WithCronSchedule(options.Cron, c => c.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        quartz.AddTrigger(t => t.ForJob(summary).WithIdentity("summary:catch-up").UsingJobData(WeeklySummaryJob.CatchUpKey, true).StartNow());
        var reminders = new JobKey("summary:reminders");
        quartz.AddJob<QuotaReminderJob>(j => j.WithIdentity(reminders));
        quartz.AddTrigger(t => t.ForJob(reminders).WithIdentity("summary:reminders:cron").WithCronSchedule(options.ReminderCron, c => c.InTimeZone(VietnamTime.Zone)));
        return quartz;
    }
}
