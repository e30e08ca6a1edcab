using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Bus;

namespace Monitor.Kafka.Consuming;

/// <summary>The consume loop of one role, on its own thread: at-least-once (an offset is stored only after the
/// handler returned), the bad-message policy both buses share (<see cref="BadMessagePolicy"/>: a failing batch is
/// split, only a message that fails by itself goes to the dead-letter topic and the offset moves on, a store outage
/// pauses with back-off), consume errors back off, cooperative-sticky rebalancing, <c>Close()</c> on shutdown.</summary>
public sealed class KafkaConsumerService(
    KafkaConsumerRole role, KafkaProducer producer, IOptions<KafkaOptions> options, TimeProvider time, ILogger<KafkaConsumerService> logger,
    BadMessagePolicy? policy = null) : BackgroundService
{
    private readonly BadMessagePolicy _policy = policy ?? BadMessagePolicy.Default;

    /// <summary>Pauses taken so far because the store was unavailable.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    private long _pauses;

    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);
    private readonly KafkaOptions _options = options.Value;

    /// <summary>Messages handled (stored) so far, dead-lettered ones included.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>The partitions this member owns now (cooperative rebalancing adds and removes them one by one).</summary>
    public IReadOnlyList<int> Partitions
    {
        get
        {
            lock (_partitions)
            {
                return _partitions.Order().ToList();
            }
        }
    }

    private readonly HashSet<int> _partitions = [];
    private bool _cutShort;
    private long _handled;

    private void Track(List<TopicPartition> changed, bool assigned)
    {
        lock (_partitions)
        {
            foreach (var partition in changed)
            {
                _ = assigned ? _partitions.Add(partition.Partition.Value) : _partitions.Remove(partition.Partition.Value);
            }
        }

        logger.LogInformation("{Role}: {Change} phân vùng {Partitions}", role.Name, assigned ? "nhận" : "trả", string.Join(",", changed.Select(x => x.Partition.Value)));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken ct)
    {
        var inFlight = new Queue<InFlight>();
        using var consumer = new ConsumerBuilder<string, string>(KafkaClientConfigs.Consumer(_options, role.GroupId))
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .SetErrorHandler((_, e) => KafkaLog.Error(logger, e))
            .SetPartitionsAssignedHandler((_, p) => Track(p, assigned: true))
            .SetPartitionsRevokedHandler((c, p) =>
            {
                // Finish what is in flight and store its offsets while the partitions are still ours, so the next
                // owner starts after it instead of handling it again.
                StoreFinished(c, inFlight, waitFor: inFlight.Count);
                Track(p.Select(x => x.TopicPartition).ToList(), assigned: false);
            })
            .SetPartitionsLostHandler((_, p) => Track(p.Select(x => x.TopicPartition).ToList(), assigned: false))
            .Build();
        consumer.Subscribe(role.Topic);
        logger.LogInformation("{Role}: đọc {Topic} trong nhóm {Group}", role.Name, role.Topic, role.GroupId);
        try
        {
            var backoff = TimeSpan.Zero;
            while (!ct.IsCancellationRequested && !_cutShort)
            {
                // A few batches are handled at once (tagging one while the store writes another and the broker
                // acknowledges a third); offsets are stored strictly in consume order, so a crash redelivers from
                // the oldest batch not yet finished.
                StoreFinished(consumer, inFlight, waitFor: inFlight.Count - (_options.MaxBatchesInFlight - 1));
                if (ct.IsCancellationRequested || _cutShort)
                {
                    break;
                }

                List<ConsumeResult<string, string>> batch;
                try
                {
                    batch = NextBatch(consumer);
                    backoff = TimeSpan.Zero;
                }
                catch (ConsumeException e)
                {
                    backoff = backoff == TimeSpan.Zero ? FirstWait : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    logger.LogWarning("{Role}: lỗi đọc Kafka {Reason}; thử lại sau {Backoff}", role.Name, e.Error.Reason, backoff);
                    Wait(backoff, ct);
                    continue;
                }

                if (batch.Count > 0)
                {
                    inFlight.Enqueue(new InFlight(batch, Task.Run(() => HandleAsync(batch, ct), CancellationToken.None)));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: whatever was not stored is redelivered to the next member of the group.
        }
        finally
        {
            // Batches already handed to the store finish (or see the cancellation); offsets of finished ones are kept.
            StoreFinished(consumer, inFlight, waitFor: inFlight.Count);
            // Commits the stored offsets and leaves the group at once instead of after the session timeout.
            consumer.Close();
            logger.LogInformation("{Role}: đã đóng, {Handled} tin nhắn đã xử lý", role.Name, Handled);
        }
    }

    /// <summary>Stores the offsets of finished batches from the oldest on, first waiting for the oldest
    /// <paramref name="waitFor"/> to finish; stops at the first unfinished one (or one cut short by shutdown).</summary>
    private void StoreFinished(IConsumer<string, string> consumer, Queue<InFlight> inFlight, int waitFor)
    {
        while (inFlight.TryPeek(out var oldest))
        {
            if (waitFor-- > 0)
            {
                ((IAsyncResult)oldest.Done).AsyncWaitHandle.WaitOne();
            }

            if (!oldest.Done.IsCompleted)
            {
                return;
            }

            inFlight.Dequeue();
            if (!oldest.Done.IsCompletedSuccessfully)
            {
                // Cut short by shutdown: neither it nor anything consumed after it may be marked handled, or a later
                // offset of its partition would be committed over it.
                _cutShort = true;
            }

            if (_cutShort)
            {
                continue;
            }

            Store(consumer, oldest.Batch);
        }
    }

    private sealed record InFlight(List<ConsumeResult<string, string>> Batch, Task Done);

    private List<ConsumeResult<string, string>> NextBatch(IConsumer<string, string> consumer)
    {
        var batch = new List<ConsumeResult<string, string>>();
        var first = consumer.Consume(FirstWait);
        if (first is null)
        {
            return batch;
        }

        // Fill the batch for a few milliseconds: one store transaction and one round of tagged deliveries per batch
        // is what makes thousands of articles a second possible.
        batch.Add(first);
        var filling = Stopwatch.StartNew();
        while (batch.Count < _options.MaxBatch && filling.Elapsed < BatchWindow)
        {
            if (consumer.Consume(BatchWindow - filling.Elapsed) is not { } next)
            {
                break;
            }

            batch.Add(next);
        }

        return batch;
    }

    private Task HandleAsync(List<ConsumeResult<string, string>> batch, CancellationToken ct) =>
        _policy.HandleAsync(batch, (messages, token) => role.Handler(messages, token), DeadLetterAsync, _options.MaxTries, time, Note, ct);

    private void Note(BadMessageNote<ConsumeResult<string, string>> note)
    {
        switch (note.Action)
        {
            case FailureAction.Pause:
                Interlocked.Increment(ref _pauses);
                logger.LogWarning("{Role}: kho dữ liệu chưa sẵn sàng ({Error}); tạm dừng {Pause} rồi thử lại, không chuyển tin nào vào thư chết", role.Name, note.Error.Message, note.Delay);
                break;
            case FailureAction.Retry when note.WholeBatch:
                logger.LogWarning("{Role}: lô tin nhắn lỗi ({Error}); xử lý từng tin nhắn", role.Name, note.Error.Message);
                break;
            case FailureAction.Retry:
                logger.LogWarning("{Role}: tin nhắn {Key} lỗi lần {Attempt}/{Max}: {Error}", role.Name, note.Message?.Message.Key, note.Tries, _options.MaxTries, note.Error.Message);
                break;
            default:
                // Logged once the dead letter is written (DeadLetterAsync).
                break;
        }
    }

    private async Task DeadLetterAsync(ConsumeResult<string, string> message, Exception error, int tries, CancellationToken ct)
    {
        var headers = new Headers();
        foreach (var header in message.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(ArticleHeaders.Error, System.Text.Encoding.UTF8.GetBytes(error.Message));
        headers.Add(ArticleHeaders.ErrorType, System.Text.Encoding.UTF8.GetBytes(error.GetType().FullName ?? error.GetType().Name));
        headers.Add(ArticleHeaders.Tries, System.Text.Encoding.UTF8.GetBytes(tries.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        headers.Add(ArticleHeaders.OriginalTopic, System.Text.Encoding.UTF8.GetBytes(message.Topic));
        headers.Add(ArticleHeaders.OriginalPartition, System.Text.Encoding.UTF8.GetBytes(message.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        headers.Add(ArticleHeaders.OriginalOffset, System.Text.Encoding.UTF8.GetBytes(message.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var dead = new Message<string, string> { Key = message.Message.Key, Value = message.Message.Value, Headers = headers };
        var backoff = FirstWait;
        while (true)
        {
            try
            {
                await producer.SendAsync(_options.DeadLetterTopic, dead, ct);
                logger.LogError("{Role}: tin nhắn {Key} ({Topic}/{Partition}@{Offset}) chuyển vào {DeadLetter} sau {Tries} lần: {Error}",
                    role.Name, message.Message.Key, message.Topic, message.Partition.Value, message.Offset.Value, _options.DeadLetterTopic, tries, error.Message);
                return;
            }
            catch (KafkaException e)
            {
                // The offset must not move on before the dead letter is safe.
                logger.LogWarning("{Role}: chưa ghi được vào {DeadLetter}: {Reason}; thử lại sau {Backoff}", role.Name, _options.DeadLetterTopic, e.Error.Reason, backoff);
                await Task.Delay(backoff, time, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private void Store(IConsumer<string, string> consumer, IEnumerable<ConsumeResult<string, string>> handled)
    {
        foreach (var message in handled)
        {
            try
            {
                consumer.StoreOffset(message);
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_State)
            {
                // The partition was revoked meanwhile; its new owner redelivers and the handler is idempotent.
                logger.LogDebug("{Role}: phân vùng {Partition} đã chuyển đi, bỏ lưu vị trí {Offset}", role.Name, message.Partition.Value, message.Offset.Value);
            }

            Interlocked.Increment(ref _handled);
        }
    }

    private void Wait(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, time, ct).GetAwaiter().GetResult();
}
