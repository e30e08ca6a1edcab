namespace Monitor.Core.Bus;

/// <summary>What a bus does after a message failed.</summary>
public enum FailureAction
{
    /// <summary>The store is unavailable: wait (back-off) and try again; the message keeps its tries.</summary>
    Pause,

    /// <summary>Try the message again after a short delay.</summary>
    Retry,

    /// <summary>The message fails by itself: move it aside with the error, and go on.</summary>
    DeadLetter,
}

/// <summary>What the policy did, for the bus to log and count.</summary>
/// <param name="Message">The message concerned; default for the whole batch.</param>
/// <param name="Delay">The pause or retry delay that follows.</param>
public readonly record struct BadMessageNote<T>(FailureAction Action, bool WholeBatch, T? Message, Exception Error, int Tries, TimeSpan Delay);

/// <summary>The one bad-message policy of both buses (the embedded queue worker and the Kafka consumer, docs/kafka.md):
/// a failing batch is never dead-lettered. While the store is unavailable the whole batch waits, with back-off, and is
/// tried again; any other failure splits the batch and each message is tried on its own. A message on its own that is
/// not an article (<see cref="FormatException"/>) goes to the dead letters at once; one that keeps failing goes there
/// after <c>maxTries</c>; a store outage met on its own pauses again without spending a try.</summary>
/// <param name="storeUnavailable">Recognises the store's own transient exceptions (SQLite: busy, locked, full, I/O);
/// <see cref="StoreUnavailableException"/> is always recognised.</param>
public sealed class BadMessagePolicy(Func<Exception, bool>? storeUnavailable = null, TimeSpan? firstPause = null)
{
    /// <summary>Only <see cref="FormatException"/> is permanent and only <see cref="StoreUnavailableException"/> transient.</summary>
    public static BadMessagePolicy Default { get; } = new();

    /// <summary>The longest pause while the store is unavailable.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _firstPause = firstPause ?? TimeSpan.FromSeconds(1);

    /// <summary>Handles a batch under the policy: <paramref name="handle"/> the whole batch, pausing while the store is
    /// unavailable; if it fails otherwise, each message on its own, retried, paused or given to <paramref name="deadLetter"/>
    /// (with the error and the tries) as the rules say. Returns when every message is handled or dead-lettered.</summary>
    public async Task HandleAsync<T>(IReadOnlyList<T> batch, Func<IReadOnlyList<T>, CancellationToken, Task> handle,
        Func<T, Exception, int, CancellationToken, Task> deadLetter, int maxTries, TimeProvider time, Action<BadMessageNote<T>> note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(deadLetter);
        ArgumentNullException.ThrowIfNull(note);
        for (var pauses = 1; ; pauses++)
        {
            try
            {
                await handle(batch, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (OnBatch(e) != FailureAction.Pause)
                {
                    note(new BadMessageNote<T>(FailureAction.Retry, true, default, e, 1, TimeSpan.Zero));
                    break;
                }

                note(new BadMessageNote<T>(FailureAction.Pause, true, default, e, 0, Pause(pauses)));
                await Task.Delay(Pause(pauses), time, ct);
            }
        }

        // One at a time, so one bad message does not hold back the others.
        foreach (var message in batch)
        {
            await HandleOneAsync(message, handle, deadLetter, maxTries, time, note, ct);
        }
    }

    private async Task HandleOneAsync<T>(T message, Func<IReadOnlyList<T>, CancellationToken, Task> handle, Func<T, Exception, int, CancellationToken, Task> deadLetter,
        int maxTries, TimeProvider time, Action<BadMessageNote<T>> note, CancellationToken ct)
    {
        var pauses = 0;
        for (var tries = 1; ;)
        {
            try
            {
                await handle([message], ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var action = OnMessage(e, tries, maxTries);
                var delay = action switch
                {
                    FailureAction.Pause => Pause(++pauses),
                    FailureAction.Retry => RetryDelay(tries),
                    _ => TimeSpan.Zero,
                };
                note(new BadMessageNote<T>(action, false, message, e, tries, delay));
                if (action == FailureAction.DeadLetter)
                {
                    await deadLetter(message, e, tries, ct);
                    return;
                }

                // A pause is the store's outage, not the message's: it does not spend one of its tries.
                tries += action == FailureAction.Retry ? 1 : 0;
                await Task.Delay(delay, time, ct);
            }
        }
    }

    /// <summary>True when the failure is the store's, not the message's (the exception or one it wraps).</summary>
    public bool IsStoreUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is StoreUnavailableException || storeUnavailable?.Invoke(e) == true
                || (e is AggregateException a && a.InnerExceptions.Any(IsStoreUnavailable)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After a whole batch failed: pause and retry it (store unavailable), else try each message on its own.</summary>
    public FailureAction OnBatch(Exception error) => IsStoreUnavailable(error) ? FailureAction.Pause : FailureAction.Retry;

    /// <summary>After one message failed on its own, on its <paramref name="tries"/>-th try.</summary>
    public FailureAction OnMessage(Exception error, int tries, int maxTries) =>
        IsStoreUnavailable(error) ? FailureAction.Pause
        : error is FormatException || tries >= maxTries ? FailureAction.DeadLetter
        : FailureAction.Retry;

    /// <summary>The <paramref name="pauses"/>-th pause in a row: 1 s, 2 s, 4 s … up to <see cref="MaxPause"/>.</summary>
    public TimeSpan Pause(int pauses) => TimeSpan.FromTicks(Math.Min(_firstPause.Ticks << Math.Clamp(pauses - 1, 0, 20), MaxPause.Ticks));

    /// <summary>The delay before a message's next try: 200 ms, 400 ms … (a failure that may pass, but is not the store's).</summary>
    public static TimeSpan RetryDelay(int tries) => TimeSpan.FromMilliseconds(100 << Math.Clamp(tries, 1, 6));
}
