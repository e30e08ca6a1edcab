using Microsoft.Extensions.Configuration;
using Monitor.Core.Time;
using Monitor.Host.Cli;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>One job the scheduler runs: its Quartz job type, its data, its cron in Asia/Ho_Chi_Minh and what to do
/// after a missed fire. <see cref="RunAtStart"/> also fires it once when <c>monitor run</c> starts.</summary>
/// <param name="Misfire">What a missed fire does (docs/architecture.md, "Scheduling").</param>
internal sealed record ScheduledJob(string Name, Type JobType, string Cron, CronTriggerMisfireInstruction Misfire, bool RunAtStart = false, IReadOnlyDictionary<string, string>? Data = null)
{
    public JobKey Key => new(Name);

    /// <summary>The key of its cron trigger (<c>cron:{name}</c>); its start trigger is <c>start:{name}</c>.</summary>
    public TriggerKey CronKey => new($"cron:{Name}");

    /// <summary>The job as a durable Quartz job, for a scheduler that is already running (the sources reload); the
    /// start-up registration in <see cref="SchedulerComposition"/> builds the same one through Quartz's configurator.</summary>
    public IJobDetail Detail()
    {
        var builder = JobBuilder.Create().OfType(JobType).WithIdentity(Key).StoreDurably();
        foreach (var (key, value) in Data ?? new Dictionary<string, string>())
        {
            builder.UsingJobData(key, value);
        }

        return builder.Build();
    }

    /// <summary>Its cron trigger in Asia/Ho_Chi_Minh with its misfire instruction, as <see cref="SchedulerComposition"/> registers it.</summary>
    public ITrigger CronTrigger() => TriggerBuilder.Create().ForJob(Key).WithIdentity(CronKey)
        .WithCronSchedule(Cron, c => c.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(Misfire)).Build();

    /// <summary>Its one-off start trigger (only when <see cref="RunAtStart"/>).</summary>
    public ITrigger StartTrigger() => TriggerBuilder.Create().ForJob(Key).WithIdentity($"start:{Name}").StartNow().Build();

    /// <summary>A cron from configuration (<paramref name="key"/>), else <paramref name="fallback"/>; a wrong one is one line naming the setting.</summary>
    public static string CronSetting(IConfiguration configuration, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cron = configuration[key] is { Length: > 0 } set ? set : fallback;
        return CronExpression.TryParse(cron, out _) ? cron : throw new UserInputException($"cấu hình {key} = '{cron}': không phải biểu thức cron Quartz (ví dụ \"0 0 7 ? * MON\")");
    }
}
