using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Monitor.Host.Scheduling;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;
using Quartz;

namespace Monitor.Host.Learning;

/// <summary>Nightly re-training of every plan's relevance model from the day's feedback (the same as
/// <c>monitor feedback learn --plan ID</c> for each plan). Training is deterministic: a plan whose feedback and
/// articles did not change gets the same model, which the store does not rewrite.</summary>
[DisallowConcurrentExecution]
internal sealed class RelevanceLearningJob(PlanStore plans, RelevanceLearner learner, ILogger<RelevanceLearningJob> logger) : IJob
{
    public const string CronKey = "Monitor:Learning:Cron";

    /// <summary>01:30 every night by default (before retention and store upkeep); a missed night is skipped, the next
    /// one learns from the same decisions and more. The learner's own setting is checked here too, so a wrong
    /// <see cref="LearningSettings.NearMissesKey"/> stops the role at start, not at 01:30.</summary>
    public static ScheduledJob For(IConfiguration configuration)
    {
        _ = LearningSettings.Options(configuration);
        return new("learn:relevance", typeof(RelevanceLearningJob), ScheduledJob.CronSetting(configuration, CronKey, "0 30 1 * * ?"), CronTriggerMisfireInstruction.DoNothing);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var plan in await plans.LatestAsync(cancellationToken))
        {
            var summary = await learner.LearnAsync(plan, cancellationToken);
            logger.LogInformation("Học mô hình mức liên quan: {Line}", LearnCommand.Describe(plan, summary));
        }
    }
}
