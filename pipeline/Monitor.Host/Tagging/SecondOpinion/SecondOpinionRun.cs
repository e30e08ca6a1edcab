using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Reports.Narrative;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

namespace Monitor.Host.Tagging.SecondOpinion;

/// <summary>monitor tag --second-opinion N: the store under --data-dir (the cache, and the plan stored like
/// <c>monitor plan load</c> so its version keys the cache), the <c>Monitor:Llm</c> settings the summaries use, and the
/// stage itself, for one run.</summary>
internal sealed class SecondOpinionRun : IDisposable
{
    private readonly IHost _host;
    private readonly LlmSecondOpinion _stage;
    private readonly StoredPlan _plan;
    private readonly RelevanceModel? _model;
    private readonly double _threshold;

    private SecondOpinionRun(IHost host, LlmSecondOpinion stage, StoredPlan plan, RelevanceModel? model, double threshold) =>
        (_host, _stage, _plan, _model, _threshold) = (host, stage, plan, model, threshold);

    /// <exception cref="UserInputException">Monitor:Llm is not set, or a setting is wrong.</exception>
    public static async Task<SecondOpinionRun> StartAsync(string dataDir, PlanMatcher matcher, RelevanceModel? model, int budget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var builder = await MonitorServices.CreateBuilderAsync(dataDir, ct);
        var llm = LlmOptions.From(builder.Configuration);
        if (!llm.Enabled)
        {
            throw new UserInputException($"--second-opinion: cần cấu hình {LlmOptions.Section}:Endpoint và {LlmOptions.Section}:Model (API tương thích OpenAI)");
        }

        if (llm.Validate() is [var first, ..])
        {
            throw new UserInputException(first);
        }

        var host = builder.Build();
        var plan = await host.Services.GetRequiredService<PlanStore>().SaveAsync(matcher.Plan, ct);
        var stage = new LlmSecondOpinion(llm, SecondOpinionSetup.Client(llm), host.Services.GetRequiredService<SecondOpinions>(), budget,
            host.Services.GetRequiredService<ILogger<LlmSecondOpinion>>());
        return new SecondOpinionRun(host, stage, plan, model, matcher.Threshold);
    }

    public ValueTask<TagResult> ReviewAsync(Article article, TagResult result, CancellationToken ct) =>
        _stage.ReviewAsync(article, result, _plan.Plan, _plan.Version, _model, _threshold, ct);

    public void Dispose() => _host.Dispose();
}
