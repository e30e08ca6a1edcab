using System.Collections.Concurrent;

namespace Monitor.Crawlers.Fetching;

/// <summary>Per-host politeness: at most N requests at once per host, a minimum delay between two starts on one
/// host, and a global limit across hosts. A host can be postponed (Retry-After), which every caller then waits for.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One gate lives as long as the process-wide fetcher; its semaphores need no disposal.")]
internal sealed class HostGate(FetchOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _global = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One host: requests running, callers waiting for a turn, and when the next request may start.
    /// The limit is given per call, so a source's own max_concurrency applies to its requests.</summary>
    private sealed class HostSlot
    {
        private readonly Queue<(TaskCompletionSource Turn, int Limit)> _waiting = new();
        private int _running;

        public DateTimeOffset NextStart { get; set; }

        /// <summary>When the gate last let a request go: a wait that ended late (a busy machine) must not let the
        /// next request follow it closer than the minimum delay.</summary>
        public DateTimeOffset LastStart { get; set; } = DateTimeOffset.MinValue;
        public object Lock { get; } = new();

        public Task WaitAsync(int limit, CancellationToken ct)
        {
            lock (Lock)
            {
                // Callers that gave up (cancelled) leave their place; they must not block the queue.
                while (_waiting.TryPeek(out var head) && head.Turn.Task.IsCompleted)
                {
                    _waiting.Dequeue();
                }

                if (_running < limit && _waiting.Count == 0)
                {
                    _running++;
                    return Task.CompletedTask;
                }

                var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue((turn, limit));
                return Cancelable(turn, ct);
            }
        }

        public void Release()
        {
            lock (Lock)
            {
                _running--;
                while (_waiting.TryPeek(out var next) && _running < next.Limit)
                {
                    _waiting.Dequeue();
                    if (next.Turn.TrySetResult())
                    {
                        _running++;
                    }
                }
            }
        }

        private static async Task Cancelable(TaskCompletionSource turn, CancellationToken ct)
        {
            await using var registration = ct.Register(() => turn.TrySetCanceled(ct));
            await turn.Task;
        }
    }

    /// <summary>Waits for a turn on <paramref name="host"/>; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan minDelay, int concurrency, CancellationToken ct)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot());
        await slot.WaitAsync(Math.Max(1, concurrency), ct);
        try
        {
            await _global.WaitAsync(ct);
        }
        catch
        {
            slot.Release();
            throw;
        }

        try
        {
            TimeSpan wait;
            lock (slot.Lock)
            {
                var now = time.GetUtcNow();
                var start = slot.NextStart > now ? slot.NextStart : now;
                slot.NextStart = start + minDelay;
                wait = start - now;
            }

            while (true)
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct);
                }

                lock (slot.Lock)
                {
                    var now = time.GetUtcNow();
                    var earliest = slot.LastStart == DateTimeOffset.MinValue ? now : slot.LastStart + minDelay;
                    if (earliest <= now)
                    {
                        slot.LastStart = now;
                        if (slot.NextStart < now + minDelay)
                        {
                            slot.NextStart = now + minDelay;
                        }

                        break;
                    }

                    wait = earliest - now;
                }
            }
        }
        catch
        {
            _global.Release();
            slot.Release();
            throw;
        }

        return new Turn(() =>
        {
            _global.Release();
            slot.Release();
        });
    }

    /// <summary>No request to <paramref name="host"/> starts before <paramref name="until"/>.</summary>
    public void Postpone(string host, DateTimeOffset until)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot());
        lock (slot.Lock)
        {
            if (until > slot.NextStart)
            {
                slot.NextStart = until;
            }
        }
    }

    private sealed class Turn(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
