using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Reports.Delivery;
using Monitor.Reports.Narrative;
using Monitor.Storage;
using Monitor.Storage.Summaries;

namespace Monitor.Reports.Scheduling;

/// <summary>A setting the reports cannot run with; the message names it.</summary>
public sealed class ReportSettingsException(string message) : Exception(message);

/// <summary>Composition of the scheduled summaries: options checked at start, archive, ledger, mailer, narrative, runner,
/// reminders and the two jobs (the scheduler role lists them in <c>Monitor.Host/Scheduling/ScheduledJobs.cs</c>).</summary>
public static class SummaryScheduling
{
    /// <summary>Registers everything the summary jobs need; a wrong setting throws <see cref="ReportSettingsException"/>
    /// with every problem, one per line.</summary>
    public static IServiceCollection AddMonitorSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        var summary = configuration.GetSection(SummaryOptions.Section).Get<SummaryOptions>() ?? new SummaryOptions();
        var llm = LlmOptions.From(configuration);
        var errors = summary.Validate().Concat(llm.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new ReportSettingsException(string.Join("\n", errors));
        }

        services.AddMonitorReports();
        services.AddSingleton(summary);
        services.AddSingleton(sp => new ReportArchive(Path.GetDirectoryName(sp.GetRequiredService<MonitorDatabase>().Path)!));
        services.AddSingleton<SummaryLedger>();
        services.AddSingleton<SummaryMailer>();
        NarrativeWriter.Register(services, llm);
        services.AddSingleton<WeeklySummaryRunner>();
        services.AddSingleton<QuotaReminders>();
        services.AddTransient<WeeklySummaryJob>();
        services.AddTransient<QuotaReminderJob>();
        return services;
    }
}
