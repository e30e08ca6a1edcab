using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitor.Host.Scheduling;

/// <summary><c>--once</c>: fires every registered job once through the same Quartz scheduler (same jobs, same data, same
/// non-concurrency), waits for all of them, and shuts the scheduler down.</summary>
internal static class OnceRunner
{
    /// <summary>Returns the runs, each with its error (null when it succeeded) and the result the job left.</summary>
    public static async Task<IReadOnlyList<(string Job, Exception? Error, object? Result)>> RunAsync(ISchedulerFactory factory, IReadOnlyList<ScheduledJob> jobs,
        ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(jobs);
        var scheduler = await factory.GetScheduler(ct);
        var listener = new Listener(jobs.Count);
        scheduler.ListenerManager.AddJobListener(listener, [GroupMatcher<JobKey>.AnyGroup()]);
        await scheduler.Start(ct);
        try
        {
            foreach (var job in jobs)
            {
                await scheduler.TriggerJob(job.Key, ct);
            }

            await listener.Done.Task.WaitAsync(ct);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        }

        foreach (var (job, error, _) in listener.Runs.Where(r => r.Error is not null))
        {
            logger.LogError(error, "Việc {Job} lỗi", job);
        }

        return listener.Runs;
    }

    private sealed class Listener(int expected) : IJobListener
    {
        private readonly List<(string, Exception?, object?)> _runs = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<(string Job, Exception? Error, object? Result)> Runs
        {
            get
            {
                lock (_runs)
                {
                    return [.. _runs];
                }
            }
        }

        public string Name => "monitor-once";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            Record(context, new InvalidOperationException("vetoed"));

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            Record(context, jobException?.InnerException ?? jobException);

        private ValueTask Record(IJobExecutionContext context, Exception? error)
        {
            lock (_runs)
            {
                _runs.Add((context.JobDetail.Key.Name, error, context.Result));
                if (_runs.Count == expected)
                {
                    Done.TrySetResult();
                }
            }

            return default;
        }
    }
}
