using Monitor.Core.Articles;
using Monitor.Core.Tagging;

namespace Monitor.Storage.Articles;

/// <summary>Articles with their folded search text and their tags against each plan version in force
/// (<c>Results[article][plan]</c>), not yet stored.</summary>
public sealed record TaggedBatch(IReadOnlyList<Article> Articles, IReadOnlyList<SearchText> Search, IReadOnlyList<(string Id, int Version)> Plans, TagResult[][] Results);
