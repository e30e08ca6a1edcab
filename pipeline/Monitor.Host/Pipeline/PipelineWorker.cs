using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Storage.Queue;

namespace Monitor.Host.Pipeline;

/// <summary>Drains the raw-article queue through tag-and-store, one transaction per batch.</summary>
internal sealed class PipelineWorker(SqliteQueue queue, TagAndStoreHandler handler, ILogger<PipelineWorker> logger)
{
    public const int BatchSize = 200;

    /// <summary>Processes batches until the queue is empty; returns how many messages were handled.</summary>
    public async Task<long> DrainAsync(CancellationToken ct)
    {
        long total = 0;
        int handled;
        while ((handled = await queue.ProcessBatchAsync(SqliteQueue.RawTopic, BatchSize, handler.HandleAsync, ct)) > 0)
        {
            total += handled;
        }

        return total;
    }

    /// <summary>Keeps draining until cancelled, polling an empty queue every <paramref name="idle"/>.</summary>
    public async Task RunAsync(TimeSpan idle, TimeProvider time, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await DrainAsync(ct) == 0)
                {
                    await Task.Delay(idle, time, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // The batch rolled back and stays queued; wait before trying again instead of spinning.
                logger.LogError(e, "Lỗi cơ sở dữ liệu khi xử lý hàng đợi; thử lại sau {Delay}", idle);
                await Task.Delay(idle, time, ct);
            }
        }
    }
}

/// <summary>Runs the pipeline worker inside a host (embedded mode: beside the scheduler and the web).</summary>
internal sealed class PipelineWorkerService(PipelineWorker worker, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(TimeSpan.FromSeconds(1), time, stoppingToken);
}
