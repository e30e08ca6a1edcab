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

    private Task HandleAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken ct) =>
        policy.HandleAsync(batch, ProcessAsync,
            (message, error, tries, token) => queue.DeadLetterAsync(SqliteQueue.RawTopic, message, $"{error.GetType().Name}: {error.Message} (tries: {tries})", token),
            MaxTries, time, Note, ct);

    /// <summary>Tags inside the queue's transaction (the default), or, with the second opinion on, tags and asks the model
    /// first so that no store lock is held while it answers, then stores in the transaction.</summary>
    private async Task ProcessAsync(IReadOnlyList<QueuedMessage> messages, CancellationToken ct)
    {
        if (!handler.PreparesOutsideTransaction)
        {
            await queue.ProcessAsync(SqliteQueue.RawTopic, messages, handler.HandleAsync, ct);
            return;
        }

        var prepared = await handler.PrepareAsync(messages, ct);
        await queue.ProcessAsync(SqliteQueue.RawTopic, messages, (connection, tx, _, token) => handler.StoreAsync(connection, tx, prepared, token), ct);
    }

    private void Note(BadMessageNote<QueuedMessage> note)
    {
        switch (note.Action)
        {
            case FailureAction.Pause:
                Interlocked.Increment(ref _pauses);
                logger.LogWarning("Kho dữ liệu chưa sẵn sàng ({Error}); tạm dừng {Pause} rồi thử lại, không chuyển tin nào vào thư chết", note.Error.Message, note.Delay);
                break;
            case FailureAction.DeadLetter:
                logger.LogError("Tin nhắn {Key} chuyển vào thư chết sau {Tries} lần: {Error}", note.Message?.Key, note.Tries, note.Error.Message);
                break;
            case FailureAction.Retry when note.WholeBatch:
                logger.LogWarning("Lô tin nhắn lỗi ({Error}); xử lý từng tin nhắn", note.Error.Message);
                break;
            default:
                logger.LogWarning("Tin nhắn {Key} lỗi lần {Tries}/{Max}: {Error}", note.Message?.Key, note.Tries, MaxTries, note.Error.Message);
                break;
        }
    }
}

/// <summary>Runs the pipeline worker inside a host (embedded mode: beside the scheduler and the web).</summary>
internal sealed class PipelineWorkerService(PipelineWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(TimeSpan.FromSeconds(1), stoppingToken);
}
