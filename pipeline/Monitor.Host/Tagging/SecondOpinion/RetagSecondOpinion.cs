using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Host.Cli;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

namespace Monitor.Host.Tagging.SecondOpinion;

/// <summary>The second opinion of a re-tag (<c>monitor retag</c> and the Kế hoạch page's re-tag, through
/// <see cref="RetagReviewer"/>): one re-tag is one run, and its budget is <c>Monitor:Llm:SecondOpinion:Budget</c> (0, the
/// default, = off). Same stage, same cache and same borderline rule as <c>monitor tag --second-opinion N</c>.</summary>
internal sealed class RetagSecondOpinion : IRetagReview
{
    private readonly HttpClient _http;
    private readonly LlmSecondOpinion _stage;
    private readonly StoredPlan _plan;
    private readonly Monitor.Core.Learning.RelevanceModel? _model;
    private readonly int _budget;

    private RetagSecondOpinion(HttpClient http, LlmSecondOpinion stage, StoredPlan plan, Monitor.Core.Learning.RelevanceModel? model, int budget) =>
        (_http, _stage, _plan, _model, _budget) = (http, stage, plan, model, budget);

    public RetagReviewCount Count => new(_stage.Reviewed, _stage.Cached, _stage.Asked, _budget, _stage.OverBudget, _stage.Stopped);

    /// <summary>The run's stage, or null when the budget is 0.</summary>
    /// <exception cref="UserInputException">A budget is set but Monitor:Llm is not, or a setting is wrong.</exception>
    public static async Task<RetagSecondOpinion?> CreateAsync(IServiceProvider services, StoredPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(plan);
        if (SecondOpinionSetup.Read(services.GetRequiredService<IConfiguration>()) is not { } llm)
        {
            return null;
        }

        var model = await services.GetRequiredService<RelevanceModels>().FindAsync(plan.Id, ct);
        var http = SecondOpinionSetup.Client(llm);
        var stage = new LlmSecondOpinion(llm, http, services.GetRequiredService<SecondOpinions>(), llm.SecondOpinion.Budget,
            services.GetRequiredService<ILogger<LlmSecondOpinion>>());
        return new RetagSecondOpinion(http, stage, plan, model, llm.SecondOpinion.Budget);
    }

    public ValueTask<TagResult> ReviewAsync(Article article, TagResult result, CancellationToken ct) =>
        _stage.ReviewAsync(article, result, _plan.Plan, _plan.Version, _model, ScoringOptions.Default.Threshold, ct);

    public void Dispose() => _http.Dispose();
}

/// <summary>What the executable registers for every re-tag (<see cref="IRetagReviewer"/>, in <c>AddMonitorStore</c>): a
/// <see cref="RetagSecondOpinion"/> per run, from the host's settings at the time the run starts.</summary>
internal sealed class RetagReviewer(IServiceProvider services) : IRetagReviewer
{
    public async Task<IRetagReview?> StartAsync(StoredPlan plan, CancellationToken ct) => await RetagSecondOpinion.CreateAsync(services, plan, ct);
}
