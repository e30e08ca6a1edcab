namespace Monitor.Core.Learning;

/// <summary>An analyst's decision in force on one theme of one article: relevant (confirmed or added) or not (rejected).</summary>
public sealed record FeedbackDecision(string ArticleId, string Theme, bool Relevant);
