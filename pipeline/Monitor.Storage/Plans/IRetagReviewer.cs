namespace Monitor.Storage.Plans;

/// <summary>Starts the second opinion of one re-tag run. The executable registers it (the language model's stage is in
/// Monitor.Host, beside Semantic Kernel); <c>monitor retag</c> and the Kế hoạch page's re-tag both ask it, so both review
/// the same pairs with the same budget setting and cache. Without a registration, or with the budget at 0, there is none.</summary>
public interface IRetagReviewer
{
    /// <summary>The run's review, or null when the second opinion is off (<c>Monitor:Llm:SecondOpinion:Budget</c> = 0).</summary>
    Task<IRetagReview?> StartAsync(StoredPlan plan, CancellationToken ct);
}
