using Microsoft.Extensions.Configuration;
using Monitor.Host.Cli;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary>One job the scheduler runs: its Quartz job type, its data, its cron in Asia/Ho_Chi_Minh and what to do
/// after a missed fire. <see cref="RunAtStart"/> also fires it once when <c>monitor run</c> starts.</summary>
/// <param name="Misfire">What a missed fire does (docs/architecture.md, "Scheduling").</param>
internal sealed record ScheduledJob(string Name, Type JobType, string Cron, CronTriggerMisfireInstruction Misfire, bool RunAtStart = false, IReadOnlyDictionary<string, string>? Data = null)
{
    public JobKey Key => new(Name);

    /// <summary>A cron from configuration (<paramref name="key"/>), else <paramref name="fallback"/>; a wrong one is one line naming the setting.</summary>
    public static string CronSetting(IConfiguration configuration, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cron = configuration[key] is { Length: > 0 } set ? set : fallback;
        return CronExpression.TryParse(cron, out _) ? cron : throw new UserInputException($"cấu hình {key} = '{cron}': không phải biểu thức cron Quartz (ví dụ \"0 0 7 ? * MON\")");
    }
}
