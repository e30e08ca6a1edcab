using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Monitor.Host.Cli;
using Monitor.Storage.Maintenance;
using Quartz;

namespace Monitor.Host.Scheduling.Maintenance;

/// <summary>Nightly retention: old dead letters and crawl events deleted, stale queued messages dead-lettered
/// (<see cref="RetentionOptions"/>, section <c>Monitor:Retention</c>).</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(StoreRetention retention, RetentionOptions options, ILogger<RetentionJob> logger) : IJob
{
    public const string CronKey = "Monitor:Maintenance:RetentionCron";

    /// <summary>02:30 every night by default; a missed night is skipped (the next pass removes the same rows).</summary>
    public static ScheduledJob For(IConfiguration configuration) =>
        new("maintenance:retention", typeof(RetentionJob), ScheduledJob.CronSetting(configuration, CronKey, "0 30 2 * * ?"), CronTriggerMisfireInstruction.DoNothing);

    /// <summary>The retention settings, checked at start: a wrong value is one line naming it.</summary>
    public static RetentionOptions Options(IConfiguration configuration)
    {
        var options = new RetentionOptions();
        try
        {
            configuration.GetSection(RetentionOptions.Section).Bind(options);
            options.Validate();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new UserInputException($"cấu hình {RetentionOptions.Section} không hợp lệ: {e.InnerException?.Message ?? e.Message}");
        }

        return options;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await retention.RunAsync(options, cancellationToken);
        context.Result = result;
        logger.LogInformation("Dọn dữ liệu cũ: {DeadLetters} thư chết, {Events} sự kiện thu thập đã xóa; {Expired} tin quá hạn chuyển sang thư chết",
            result.DeadLettersDeleted, result.CrawlEventsDeleted, result.QueuedExpired);
    }
}
