using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage.Plans;
using Monitor.Wording;

namespace Monitor.Dashboards.Plans;

/// <summary>Where a re-tag started from the dashboard stands (what <c>GET /api/plans/{id}/retag</c> answers): articles
/// done of those in the plan's windows (over every store it goes through), who started it and when, and the outcome in
/// Vietnamese once it ends. State: running, done, failed, or interrupted (the server stopped or vanished mid-run).</summary>
public sealed record RetagStatus(string Plan, int Version, string State, long Done, long Total, string? Message, DateTimeOffset Started, DateTimeOffset? Finished, string User);

/// <summary>Re-tags run in the web process, one at a time per plan across every process over the store, through every
/// registered <see cref="IStoreRetagger"/> (SQLite, then Elasticsearch when configured: the choice <c>monitor retag</c>
/// makes). The job is kept in the store (<see cref="RetagJobStore"/>, schema step 15): progress and a heartbeat are
/// written as it goes, so another process polls the same bar and a restart shows the last job's end. A run cut short
/// leaves valid tags (a re-tag is idempotent: running it again finishes the job). With the language model's second
/// opinion on (<paramref name="reviewer"/>, registered by the executable; budget <c>Monitor:Llm:SecondOpinion:Budget</c>
/// per re-tag, as <c>monitor retag</c>), the progress line says how many borderline pairs it has reviewed.</summary>
public sealed class RetagJobs(RetagJobStore store, IEnumerable<IStoreRetagger> retaggers, TimeProvider time, ILogger<RetagJobs> log, IRetagReviewer? reviewer = null)
    : IHostedService, IDisposable
{
    /// <summary>How often a running job says it is alive between progress reports.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>How long without a heartbeat before a running job reads as interrupted (several missed beats).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();

    /// <summary>Starts re-tagging with <paramref name="plan"/> for <paramref name="user"/>, unless a re-tag of that
    /// plan is running in any process (its status is returned then).</summary>
    public async Task<RetagStatus> StartAsync(StoredPlan plan, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (job, started) = await store.StartAsync(plan.Id, plan.Version, user, ct);
        if (started)
        {
            _running[job.Id] = Task.Run(() => RunAsync(job, plan, _stopping.Token), CancellationToken.None);
        }

        return Status(job);
    }

    /// <summary>The latest re-tag of a plan started from the dashboard (by any process over the store), or null.</summary>
    public async Task<RetagStatus?> GetAsync(string planId, CancellationToken ct) => await store.LatestAsync(planId, ct) is { } job ? Status(job) : null;

    private static RetagStatus Status(RetagJob job) => new(job.Plan, job.Version, job.State, job.Done, job.Total,
        job.Message ?? (job.State == RetagState.Interrupted ? Interrupted(job.Heartbeat) : null), job.Started, job.Finished, job.StartedBy);

    private static string Interrupted(DateTimeOffset lastSeen) =>
        $"Bị gián đoạn: máy chủ dừng giữa chừng (lần cuối báo tiến độ lúc {lastSeen.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)}); các bài đã gắn lại vẫn giữ, hãy gắn lại lần nữa.";

    private async Task RunAsync(RetagJob job, StoredPlan plan, CancellationToken ct)
    {
        var progress = new StoredProgress(store, job.Id, log);
        await using var beat = time.CreateTimer(_ => progress.Beat(), null, Heartbeat, Heartbeat);
        try
        {
            log.LogInformation("Re-tagging plan {Plan} version {Version} from the dashboard for {User}", plan.Id, plan.Version, job.StartedBy);
            using var review = reviewer is null ? null : await reviewer.StartAsync(plan, ct);
            var reported = review is null ? null : progress.Watch(review);
            var lines = new List<string>();
            foreach (var retagger in retaggers)
            {
                var summary = await retagger.RetagAsync(plan, reported, progress.Stage(), ct);
                progress.EndStage(summary.Articles);
                var window = $"{(summary.From is { } f ? CoverageWords.Day(f) : "…")} – {(summary.To is { } t ? CoverageWords.Day(t) : "…")}";
                lines.Add($"Đã gắn lại {summary.Articles} bài trong khung {window}{(retagger is PlanRetagger ? "" : $" ({retagger.Store})")}: {summary.Tagged} bài có chủ đề, {summary.Tags} nhãn.");
            }

            if (review is not null)
            {
                lines.Add(RetagWords.Reviewed(review.Count));
            }

            await progress.FlushAsync();
            await store.FinishAsync(job.Id, RetagState.Done, string.Join(" ", lines), CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await progress.FlushAsync();
            await store.FinishAsync(job.Id, RetagState.Interrupted, Interrupted(time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Re-tagging plan {Plan} version {Version} failed", plan.Id, plan.Version);
            await progress.FlushAsync();
            await store.FinishAsync(job.Id, RetagState.Failed, $"Gắn lại thất bại: {e.Message}", CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>On shutdown the running re-tags stop and record that they were interrupted before the process ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    // Progress over the stores in turn (done and total add up), written to the store one write at a time: each report and
    // each heartbeat chains a write after the previous one, so the row never goes back and the re-tag never waits on it.
    // With a second opinion, the line shown while running says how many pairs it reviewed, written again after each new one.
    private sealed class StoredProgress(RetagJobStore store, long id, ILogger log)
    {
        private readonly Lock _gate = new();
        private Task _writes = Task.CompletedTask;
        private long _doneBefore;
        private long _totalBefore;
        private (long Done, long Total) _stage;
        private IRetagReview? _review;

        /// <summary>The review the re-tag should be given: <paramref name="review"/>, reporting each newly reviewed pair.</summary>
        public IRetagReview Watch(IRetagReview review)
        {
            lock (_gate)
            {
                _review = review;
            }

            return new ReportedReview(review, this);
        }

        public IProgress<(long Done, long Total)> Stage()
        {
            lock (_gate)
            {
                _stage = (0, 0);
            }

            return new Sink(this);
        }

        public void EndStage(long articles)
        {
            lock (_gate)
            {
                _doneBefore += Math.Max(articles, _stage.Done);
                _totalBefore += Math.Max(articles, _stage.Total);
                _stage = (0, 0);
            }
        }

        public void Beat() => Write();

        public Task FlushAsync()
        {
            Write();
            lock (_gate)
            {
                return _writes;
            }
        }

        private void Report((long Done, long Total) value)
        {
            lock (_gate)
            {
                _stage = value;
            }

            Write();
        }

        private void Write()
        {
            lock (_gate)
            {
                _writes = _writes.ContinueWith(async _ =>
                {
                    (long Done, long Total) now;
                    IRetagReview? review;
                    lock (_gate)
                    {
                        (now, review) = ((_doneBefore + _stage.Done, _totalBefore + _stage.Total), _review);
                    }

                    try
                    {
                        await store.ProgressAsync(id, now.Done, now.Total, review is null ? null : RetagWords.Running(review.Count), CancellationToken.None);
                    }
                    catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
                    {
                        // A busy store misses one report; the next one (or the end) writes the numbers again.
                        log.LogWarning(e, "Re-tag job {Job}: progress not written", id);
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        private sealed class Sink(StoredProgress owner) : IProgress<(long Done, long Total)>
        {
            public void Report((long Done, long Total) value) => owner.Report(value);
        }

        private sealed class ReportedReview(IRetagReview review, StoredProgress owner) : IRetagReview
        {
            public RetagReviewCount Count => review.Count;

            public async ValueTask<TagResult> ReviewAsync(Article article, TagResult result, CancellationToken ct)
            {
                var before = review.Count.Reviewed;
                var reviewed = await review.ReviewAsync(article, result, ct);
                if (review.Count.Reviewed != before)
                {
                    owner.Write();
                }

                return reviewed;
            }

            // The run owns the review and disposes it.
            public void Dispose()
            {
            }
        }
    }
}
