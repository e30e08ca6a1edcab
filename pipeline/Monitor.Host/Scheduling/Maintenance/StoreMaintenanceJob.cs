using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Monitor.Storage.Maintenance;
using Quartz;

namespace Monitor.Host.Scheduling.Maintenance;

/// <summary>Nightly store upkeep: runs every registered <see cref="IStoreMaintenance"/> (SQLite: FTS merge, optimize,
/// WAL checkpoint; an Elasticsearch store registers its index refresh the same way). One failing does not stop the others.</summary>
[DisallowConcurrentExecution]
internal sealed class StoreMaintenanceJob(IEnumerable<IStoreMaintenance> stores, ILogger<StoreMaintenanceJob> logger) : IJob
{
    public const string CronKey = "Monitor:Maintenance:StoreCron";

    /// <summary>03:00 every night by default, after retention has deleted what it deletes; a missed night is skipped.</summary>
    public static ScheduledJob For(IConfiguration configuration) =>
        new("maintenance:store", typeof(StoreMaintenanceJob), ScheduledJob.CronSetting(configuration, CronKey, "0 0 3 * * ?"), CronTriggerMisfireInstruction.DoNothing);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var failed = new List<Exception>();
        foreach (var store in stores)
        {
            try
            {
                await store.RunAsync(cancellationToken);
                logger.LogInformation("Bảo trì kho {Store} xong", store.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bảo trì kho {Store} lỗi", store.Name);
                failed.Add(e);
            }
        }

        if (failed.Count > 0)
        {
            throw new JobExecutionException(new AggregateException(failed));
        }
    }
}
