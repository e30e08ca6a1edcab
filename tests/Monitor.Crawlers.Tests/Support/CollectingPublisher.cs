using Monitor.Core.Articles;
using Monitor.Core.Bus;

namespace Monitor.Crawlers.Tests.Support;

/// <summary>Keeps what the crawler publishes, in order.</summary>
internal sealed class CollectingPublisher : IArticlePublisher
{
    public List<Article> Articles { get; } = [];

    public Task PublishAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        Articles.AddRange(articles);
        return Task.CompletedTask;
    }
}
