using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Bus;
using Monitor.Storage.Queue;

namespace Monitor.Host.Pipeline;

/// <summary>Drains the raw-article queue through tag-and-store, one transaction per batch, under the bad-message policy
/// both buses share (<see cref="BadMessagePolicy"/>): a failing batch is split and each message tried on its own, only a
/// message that fails by itself is dead-lettered, and while the store is unavailable the worker pauses with back-off.</summary>
internal sealed class PipelineWorker(SqliteQueue queue, TagAndStoreHandler handler, BadMessagePolicy policy, TimeProvider time, ILogger<PipelineWorker> logger)
{
    public const int BatchSize = 200;

    /// <summary>Tries before a message that keeps failing on its own is dead-lettered (as Monitor:Kafka:MaxTries on Kafka).</summary>
    public const int MaxTries = 3;

    /// <summary>Pauses taken so far because the store was unavailable.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    private long _pauses;

    /// <summary>Processes batches until the queue is empty; returns how many messages were handled (dead-lettered included).</summary>
    public async Task<long> DrainAsync(CancellationToken ct)
    {
        long total = 0;
        IReadOnlyList<QueuedMessage> batch;
        while ((batch = await queue.PeekAsync(SqliteQueue.RawTopic, BatchSize, ct)).Count > 0)
        {
            await HandleAsync(batch, ct);
            total += batch.Count;
        }

        return total;
    }

    /// <summary>Keeps draining until cancelled, polling an empty queue every <paramref name="idle"/>.</summary>
    public async Task RunAsync(TimeSpan idle, CancellationToken ct)
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
        }
    }

    private async Task HandleAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken ct)
    {
        for (var pauses = 1; ; pauses++)
        {
            try
            {
                await queue.ProcessAsync(SqliteQueue.RawTopic, batch, handler.HandleAsync, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (policy.OnBatch(e) != FailureAction.Pause)
                {
                    logger.LogWarning("Lô {Count} tin nhắn lỗi ({Error}); xử lý từng tin nhắn", batch.Count, e.Message);
                    break;
                }

                await PauseAsync(pauses, e, ct);
            }
        }

        foreach (var message in batch)
        {
            await HandleOneAsync(message, ct);
        }
    }

    private async Task HandleOneAsync(QueuedMessage message, CancellationToken ct)
    {
        var pauses = 0;
        for (var tries = 1; ;)
        {
            try
            {
                await queue.ProcessAsync(SqliteQueue.RawTopic, [message], handler.HandleAsync, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                switch (policy.OnMessage(e, tries, MaxTries))
                {
                    case FailureAction.Pause:
                        await PauseAsync(++pauses, e, ct);
                        break;
                    case FailureAction.DeadLetter:
                        logger.LogError("Tin nhắn {Key} chuyển vào thư chết sau {Tries} lần: {Error}", message.Key, tries, e.Message);
                        await queue.DeadLetterAsync(SqliteQueue.RawTopic, message, $"{e.GetType().Name}: {e.Message} (tries: {tries})", ct);
                        return;
                    default:
                        logger.LogWarning("Tin nhắn {Key} lỗi lần {Tries}/{Max}: {Error}", message.Key, tries, MaxTries, e.Message);
                        await Task.Delay(BadMessagePolicy.RetryDelay(tries++), time, ct);
                        break;
                }
            }
        }
    }

    private async Task PauseAsync(int pauses, Exception e, CancellationToken ct)
    {
        var pause = policy.Pause(pauses);
        Interlocked.Increment(ref _pauses);
        logger.LogWarning("Kho dữ liệu chưa sẵn sàng ({Error}); tạm dừng {Pause} rồi thử lại, không chuyển tin nào vào thư chết", e.Message, pause);
        await Task.Delay(pause, time, ct);
    }
}

/// <summary>Runs the pipeline worker inside a host (embedded mode: beside the scheduler and the web).</summary>
internal sealed class PipelineWorkerService(PipelineWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(TimeSpan.FromSeconds(1), stoppingToken);
}
