namespace Monitor.Tests.Shared;

/// <summary>A clock whose timers fire only when the test moves it (<see cref="Advance"/>): a debounce is tested without
/// waiting for it. The shared <c>ManualTime</c> keeps the system's timers, on purpose, for the tests that rely on them.</summary>
internal sealed class ManualTimers(DateTimeOffset start) : TimeProvider
{
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_timers)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Timers waiting to fire, and the earliest time one falls due (null when none waits).</summary>
    public (int Count, DateTimeOffset? Next) Pending
    {
        get
        {
            lock (_timers)
            {
                var due = _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value).ToList();
                return (due.Count, due.Count == 0 ? null : due.Min());
            }
        }
    }

    /// <summary>Moves the clock and runs, on this thread, every timer that fell due.</summary>
    public void Advance(TimeSpan by)
    {
        List<Timer> due;
        lock (_timers)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due is { } at && at <= _now)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period == Timeout.InfiniteTimeSpan || timer.Period == TimeSpan.Zero ? null : timer.Due + timer.Period;
            }
        }

        foreach (var timer in due)
        {
            timer.Callback(timer.State);
        }
    }

    private sealed class Timer(ManualTimers clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset? Due { get; set; }
        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._timers)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                Period = period;
            }

            return true;
        }

        public void Dispose()
        {
            lock (clock._timers)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
