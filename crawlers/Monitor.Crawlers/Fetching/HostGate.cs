using System.Collections.Concurrent;

namespace Monitor.Crawlers.Fetching;

/// <summary>Per-host politeness: at most N requests at once per host, a minimum delay between two starts on one
/// host, and a global limit across hosts. A host can be postponed (Retry-After), which every caller then waits for.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One gate lives as long as the process-wide fetcher; its semaphores need no disposal.")]
internal sealed class HostGate(FetchOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _global = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    private sealed class HostSlot(int concurrency)
    {
        public SemaphoreSlim Running { get; } = new(concurrency, concurrency);
        public DateTimeOffset NextStart { get; set; }
        public object Lock { get; } = new();
    }

    /// <summary>Waits for a turn on <paramref name="host"/>; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan minDelay, int concurrency, CancellationToken ct)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot(Math.Max(1, concurrency)));
        await slot.Running.WaitAsync(ct);
        try
        {
            await _global.WaitAsync(ct);
        }
        catch
        {
            slot.Running.Release();
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

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
        catch
        {
            _global.Release();
            slot.Running.Release();
            throw;
        }

        return new Turn(() =>
        {
            _global.Release();
            slot.Running.Release();
        });
    }

    /// <summary>No request to <paramref name="host"/> starts before <paramref name="until"/>.</summary>
    public void Postpone(string host, DateTimeOffset until)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot(options.MaxConcurrencyPerHost));
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
