using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Storage;
using Monitor.Storage.Plans;
using Monitor.Wording;

namespace Monitor.Dashboards.Plans;

/// <summary>Where a re-tag started from the dashboard stands: articles done of those in the plan's windows, and the
/// outcome in Vietnamese once it ends. State: running, done or failed.</summary>
public sealed record RetagStatus(string Plan, int Version, string State, long Done, long Total, string? Message, DateTimeOffset Started, DateTimeOffset? Finished);

/// <summary>Re-tags run in the web process, one at a time per plan, through the store's own re-tag path
/// (<see cref="PlanRetagger"/>, as <c>monitor retag</c>). Status lives in memory: a restart forgets it, and the tags
/// a cut-short run committed stay valid (a re-tag is idempotent, so running it again finishes the job).</summary>
public sealed class RetagJobs(MonitorDatabase db, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<RetagJobs> log)
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Starts re-tagging with <paramref name="plan"/>, unless a re-tag of that plan is still running (its
    /// status is returned then).</summary>
    public RetagStatus Start(StoredPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            if (_jobs.TryGetValue(plan.Id, out var running) && running.State == "running")
            {
                return running.Status;
            }

            var job = new Job(plan.Id, plan.Version, time.GetUtcNow());
            _jobs[plan.Id] = job;
            _ = Task.Run(() => RunAsync(job, plan, lifetime.ApplicationStopping));
            return job.Status;
        }
    }

    /// <summary>The latest re-tag of a plan started in this process, or null.</summary>
    public RetagStatus? Get(string planId) => _jobs.TryGetValue(planId, out var job) ? job.Status : null;

    private async Task RunAsync(Job job, StoredPlan plan, CancellationToken ct)
    {
        try
        {
            log.LogInformation("Re-tagging plan {Plan} version {Version} from the dashboard", plan.Id, plan.Version);
            var summary = await new PlanRetagger(db, time).RetagAsync(plan, job, ct);
            var window = $"{(summary.From is { } f ? CoverageWords.Day(f) : "…")} – {(summary.To is { } t ? CoverageWords.Day(t) : "…")}";
            job.End("done", $"Đã gắn lại {summary.Articles} bài trong khung {window}: {summary.Tagged} bài có chủ đề, {summary.Tags} nhãn.", time.GetUtcNow());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.End("failed", "Máy chủ dừng giữa chừng; các trang đã gắn lại vẫn giữ, hãy gắn lại lần nữa.", time.GetUtcNow());
        }
        catch (Exception e)
        {
            log.LogError(e, "Re-tagging plan {Plan} version {Version} failed", plan.Id, plan.Version);
            job.End("failed", $"Gắn lại thất bại: {e.Message}", time.GetUtcNow());
        }
    }

    // Progress is written by the re-tag's thread and read by requests: one immutable status swapped whole.
    private sealed class Job(string plan, int version, DateTimeOffset started) : IProgress<(long Done, long Total)>
    {
        private volatile RetagStatus _status = new(plan, version, "running", 0, 0, null, started, null);

        public RetagStatus Status => _status;

        public string State => _status.State;

        public void Report((long Done, long Total) value) => _status = _status with { Done = value.Done, Total = value.Total };

        public void End(string state, string message, DateTimeOffset at) => _status = _status with { State = state, Message = message, Finished = at };
    }
}
