using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.Tagging;
using Monitor.Host.Cli;
using Monitor.Core.Time;
using Monitor.Host.Tagging.SecondOpinion;
using Monitor.Reports.Narrative;
using Monitor.Storage.Articles;
using Monitor.Storage.Learning;

namespace Monitor.Host.Pipeline;

/// <summary>The second opinion in the long-running taggers (issue 14 item 5): the embedded worker and the Kafka tagger
/// have no end, so their <c>Monitor:Llm:SecondOpinion:Budget</c> is the questions per Vietnamese day of the whole
/// deployment: every question is first reserved in the store every role shares (<see cref="SecondOpinionBudget"/>, the
/// SQLite database of the data directory), so N tagger processes send one budget a day between them, not N. The
/// borderline pairs of a batch are reviewed after tagging and before any store write (the queue's transaction, the Kafka
/// tagger's store lock), so no store lock is held while the model answers. Off (the default) when the budget is 0: the
/// worker then tags inside the transaction as before, and neither asks. A failure or a timeout keeps the rules' grades
/// and stops this process asking for <see cref="PauseAfterFailure"/>; cached answers still apply.</summary>
internal sealed class WorkerSecondOpinion : IDisposable
{
    /// <summary>How long the worker stops asking after a request failed or timed out (an endpoint that is down is not
    /// asked once per batch).</summary>
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMinutes(10);

    private readonly LlmOptions? _options;
    private readonly HttpClient? _http;
    private readonly SecondOpinions? _cache;
    private readonly SecondOpinionBudget? _budget;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmSecondOpinion>? _log;
    private readonly Lock _gate = new();

    // The Kafka tagger handles several batches at once: their reviews take turns, so a process sends one question at a
    // time (tagging and storing still overlap); the day's budget itself is the store's, shared with the other processes.
    private readonly SemaphoreSlim _reviewing = new(1, 1);
    private DateOnly _day;
    private bool _warned;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    private WorkerSecondOpinion(TimeProvider time, LlmOptions? options = null, SecondOpinions? cache = null, SecondOpinionBudget? budget = null, ILogger<LlmSecondOpinion>? log = null)
    {
        (_time, _options, _cache, _budget, _log) = (time, options, cache, budget, log);
        _http = options is null ? null : SecondOpinionSetup.Client(options);
    }

    /// <summary>False when <c>Monitor:Llm:SecondOpinion:Budget</c> is 0 or unset: the default path.</summary>
    public bool Enabled => _options is not null;

    /// <summary>Questions sent on the current Vietnamese day by every tagger process over this store.</summary>
    public Task<int> AskedTodayAsync(CancellationToken ct) => _budget is null ? Task.FromResult(0) : _budget.UsedAsync(Today(), ct);

    /// <summary>The worker's stage from the host's settings; off without a budget.</summary>
    /// <exception cref="UserInputException">A budget is set but Monitor:Llm is not, or a setting is wrong.</exception>
    public static WorkerSecondOpinion Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.GetRequiredService<TimeProvider>();
        if (SecondOpinionSetup.Read(services.GetService<IConfiguration>()) is not { } llm)
        {
            return new WorkerSecondOpinion(time);
        }

        return new WorkerSecondOpinion(time, llm, services.GetRequiredService<SecondOpinions>(), services.GetRequiredService<SecondOpinionBudget>(),
            services.GetRequiredService<ILogger<LlmSecondOpinion>>());
    }

    /// <summary>The batch with its borderline pairs' grades set by the model (cached answers, then new questions while
    /// the day's budget lasts). Call it outside any store transaction.</summary>
    public async Task<TaggedBatch> ReviewAsync(TaggedBatch batch, IReadOnlyList<TagAndStoreHandler.CurrentPlan> plans, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plans);
        if (_options is null)
        {
            return batch;
        }

        await _reviewing.WaitAsync(ct);
        var stage = Stage();
        try
        {
            var results = new TagResult[batch.Results.Length][];
            for (var i = 0; i < batch.Articles.Count; i++)
            {
                results[i] = new TagResult[plans.Count];
                for (var p = 0; p < plans.Count; p++)
                {
                    var plan = plans[p];
                    results[i][p] = await stage.ReviewAsync(batch.Articles[i], batch.Results[i][p], plan.Plan, plan.Version, plan.Model, plan.Matcher.Threshold, ct);
                }
            }

            return batch with { Results = results };
        }
        finally
        {
            Settle(stage);
            _reviewing.Release();
        }
    }

    /// <summary>A stage for one batch, each question reserved in the store against the day's budget (none while paused
    /// after a failure: the cache only).</summary>
    private LlmSecondOpinion Stage()
    {
        lock (_gate)
        {
            var today = Today();
            if (today != _day)
            {
                (_day, _warned) = (today, false);
            }

            var paused = _time.GetUtcNow() < _pausedUntil;
            var budget = _options!.SecondOpinion.Budget;
            return new LlmSecondOpinion(_options, _http!, _cache!, paused ? 0 : budget, _log!, quietOverBudget: _warned || paused,
                reserve: ct => _budget!.TryReserveAsync(today, budget, ct), period: "ngày " + today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Settle(LlmSecondOpinion stage)
    {
        lock (_gate)
        {
            _warned |= stage.OverBudget && _time.GetUtcNow() >= _pausedUntil;
            if (stage.Stopped)
            {
                _pausedUntil = _time.GetUtcNow() + PauseAfterFailure;
            }
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(VietnamTime.ToLocal(_time.GetUtcNow()).DateTime);

    public void Dispose()
    {
        _http?.Dispose();
        _reviewing.Dispose();
    }
}
