using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Storage.Plans;

/// <summary>The optional last stage of one re-tag run over each article's result: the language model's second opinion
/// (docs/tagging.md), composed by the executable (Storage references no model; see <see cref="IRetagReviewer"/>). A
/// store's re-tag calls it before the page's transaction, so no store lock is held while the model answers. One object
/// per run: its budget and its counts are the run's.</summary>
public interface IRetagReview : IDisposable
{
    /// <summary>The result with its borderline themes' grades set by the model's answers (cached or asked now).</summary>
    ValueTask<TagResult> ReviewAsync(Article article, TagResult result, CancellationToken ct);

    /// <summary>What the run has reviewed so far.</summary>
    RetagReviewCount Count { get; }
}

/// <summary>What a re-tag's second opinion did so far.</summary>
/// <param name="Reviewed">Borderline pairs (article, theme) whose grade the model's answer set: from the cache or asked now.</param>
/// <param name="Cached">Of those, answers read from the cache (asked in an earlier run or by another tagger).</param>
/// <param name="Asked">Questions sent in this run.</param>
/// <param name="Budget">Questions the run may send.</param>
/// <param name="OverBudget">A borderline pair found the budget spent and kept the rules' grade.</param>
/// <param name="Failed">A question failed or timed out: nothing more was asked in the run.</param>
public sealed record RetagReviewCount(int Reviewed, int Cached, int Asked, int Budget, bool OverBudget, bool Failed);
