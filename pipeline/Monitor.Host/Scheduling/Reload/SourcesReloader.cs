using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Crawlers.Sources;
using Monitor.Host.Crawling;
using Quartz;

namespace Monitor.Host.Scheduling.Reload;

/// <summary>Reloads the sources file into the running scheduler (<c>monitor run</c>): watches the file's folder (editors
/// replace a file by renaming a new one over it), lets a burst of changes settle for <see cref="Settle"/>, validates
/// the new file with the start-up validator and, only when it is valid, swaps the catalog and adds, removes and
/// reschedules the crawl jobs. A bad file is one warning and the old schedule keeps running. A reload that fails while
/// applying (a scheduler error part-way) is tried again after <see cref="FirstRetry"/>, doubling to <see cref="MaxRetry"/>,
/// against what the scheduler was last given in full, so the part not applied is not lost; every step of applying is
/// idempotent (replace, delete, reschedule), so repeating the part that was applied is harmless.</summary>
internal sealed class SourcesReloader(SourcesReloadOptions options, SourceCatalog catalog, ISchedulerFactory schedulers, TimeProvider time,
    ILogger<SourcesReloader> logger) : IHostedService, IDisposable
{
    /// <summary>How long the file must stay quiet before it is read: one save is several events (truncate, write, rename).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>The first wait before a reload that failed while applying is tried again.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between tries of a reload that keeps failing.</summary>
    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private Task _last = Task.CompletedTask;
    private bool _pending;
    private int _reloads;
    private int _changes;
    private int _failures;

    // The sources the scheduler was last given in full (from start: the catalog's first list). A failed apply leaves it,
    // so the next reload diffs against what the jobs really are, not against the catalog.
    private IReadOnlyList<SourceDefinition>? _applied;

    /// <summary>True from a change seen until the reload it starts (tests wait on it before moving the clock).</summary>
    public bool Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Events seen on the file since start (tests wait on it).</summary>
    public int Changes => Volatile.Read(ref _changes);

    /// <summary>Reloads done (valid or not) since start.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // What the scheduler was composed with: the catalog's list at start.
        _applied ??= catalog.All;
        var path = Path.GetFullPath(options.File);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        var name = Path.GetFileName(path);
        void OnChange(object sender, FileSystemEventArgs e)
        {
            if (IsFile(e.Name) || (e is RenamedEventArgs r && IsFile(r.OldName)))
            {
                Changed();
            }
        }

        bool IsFile(string? changed) => string.Equals(changed, name, StringComparison.Ordinal);
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Theo dõi tệp nguồn tin {File} bị gián đoạn; thay đổi sau đó có thể chỉ có hiệu lực khi khởi động lại", options.File);
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task last;
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
            _timer?.Dispose();
            _timer = null;
            last = _last;
        }

        await _stopping.CancelAsync();
        await last.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Reads, validates and applies the file now (what the settled timer calls).</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        try
        {
            IReadOnlyList<SourceDefinition> next;
            try
            {
                next = SourcesFile.Load(options.File);
            }
            catch (SourcesFileException e)
            {
                var shown = e.Errors.Take(3).ToList();
                var more = e.Errors.Count > shown.Count ? $" (và {e.Errors.Count - shown.Count} lỗi khác)" : "";
                logger.LogWarning("Tệp nguồn tin {File} có lỗi, vẫn chạy theo lịch cũ: {Errors}{More}", options.File, string.Join("; ", shown), more);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Không đọc được tệp nguồn tin {File}, vẫn chạy theo lịch cũ: {Reason}", options.File, e.Message);
                return;
            }

            var change = SourcesChange.Between(_applied ?? catalog.All, next);
            // The new list goes in first: a job added below finds its source, one already running keeps the definition it took.
            catalog.Replace(next);
            if (change.IsEmpty)
            {
                _applied = next;
                logger.LogDebug("Tệp nguồn tin {File} đã đọc lại, không có thay đổi", options.File);
                return;
            }

            await ApplyAsync(await schedulers.GetScheduler(ct), change, ct);
            _applied = next;
            logger.LogInformation("Đã nạp lại tệp nguồn tin {File}: {Change}", options.File, change.Summary);
        }
        finally
        {
            Interlocked.Increment(ref _reloads);
        }
    }

    /// <summary>Removed sources lose their job (a run in progress finishes; Quartz does not interrupt it), added ones get
    /// the same job and triggers as at start (a first run now, then their cron), a changed cron replaces the cron trigger.
    /// The job type stays <see cref="CrawlSourceJob"/>, so runs of one source never overlap.</summary>
    private static async Task ApplyAsync(IScheduler scheduler, SourcesChange change, CancellationToken ct)
    {
        foreach (var name in change.Removed)
        {
            await scheduler.DeleteJob(new JobKey($"crawl:{name}"), ct);
        }

        foreach (var job in change.Added.Select(CrawlSourceJob.For))
        {
            await scheduler.ScheduleJob(job.Detail(), [job.CronTrigger(), job.StartTrigger()], ScheduleJobOptions.Replacing, ct);
        }

        foreach (var job in change.Rescheduled.Select(CrawlSourceJob.For))
        {
            if (await scheduler.RescheduleJob(job.CronKey, job.CronTrigger(), ct) is null)
            {
                await scheduler.ScheduleJob(job.CronTrigger(), ScheduleJobOptions.Replacing, ct);
            }
        }
    }

    /// <summary>A change seen: (re)start the settle timer, so a burst of events is one reload after the last of them.</summary>
    private void Changed()
    {
        lock (_gate)
        {
            if (_watcher is null)
            {
                return;
            }

            _pending = true;
            _changes++;
            if (_timer is null)
            {
                _timer = time.CreateTimer(_ => Settled(), null, Settle, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _timer.Change(Settle, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Arms the timer for another try of a failed reload (a later edit of the file comes first if it is sooner).</summary>
    private TimeSpan Retry()
    {
        var failures = Interlocked.Increment(ref _failures);
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
        lock (_gate)
        {
            if (_watcher is not null && _timer is not null)
            {
                _pending = true;
                _timer.Change(delay, Timeout.InfiniteTimeSpan);
            }
        }

        return delay;
    }

    private void Settled()
    {
        lock (_gate)
        {
            if (_watcher is null || !_pending)
            {
                return;
            }

            _pending = false;
            // One reload at a time, in order: a change seen during a reload is read by the next one.
            var previous = _last;
            _last = Task.Run(async () =>
            {
                await previous;
                try
                {
                    await ReloadAsync(_stopping.Token);
                    Volatile.Write(ref _failures, 0);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                }
#pragma warning disable CA1031 // A failed reload (a scheduler error, a bug) is logged with its stack trace; it must not stop the running schedule, and it is tried again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    logger.LogError(e, "Nạp lại tệp nguồn tin {File} lỗi, thử lại sau {Delay}", options.File, Retry());
                }
            });
        }
    }
}

/// <summary>The sources file <see cref="SourcesReloader"/> watches.</summary>
internal sealed record SourcesReloadOptions(string File);
