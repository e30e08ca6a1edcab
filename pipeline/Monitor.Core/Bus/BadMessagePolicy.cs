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
