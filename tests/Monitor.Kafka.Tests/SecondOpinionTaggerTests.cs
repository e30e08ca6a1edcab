using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Bus;
using Monitor.Core.Tagging;
using Monitor.Host.Pipeline.Kafka;
using Monitor.Host.Tests.Support;
using Monitor.Kafka.Tests.Support;
using Monitor.Reports.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

/// <summary>The language model's second opinion in the Kafka tagger: the same stage, budget per Vietnamese day, cache
/// and pause as the embedded worker's (<c>Monitor:Llm:SecondOpinion:Budget</c>), off by default; on librdkafka's mock
/// cluster, a real SQLite store and an OpenAI-compatible endpoint the test serves on 127.0.0.1.</summary>
[Trait("Category", "Kafka")]
public sealed class SecondOpinionTaggerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static (string, string)[] Llm(ChatEndpoint endpoint, int? budget) =>
    [
        ("Monitor:Llm:Endpoint", endpoint.Url), ("Monitor:Llm:Model", "test-model"),
        .. budget is { } b ? [("Monitor:Llm:SecondOpinion:Budget", b.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<(string, string)>(),
    ];

    private static async Task<(long Tags, long Mentions)> HandleAsync(KafkaTestBed bed, Microsoft.Extensions.Hosting.IHost tagger, int articles)
    {
        await tagger.Services.GetRequiredService<IArticlePublisher>().PublishAsync(Enumerable.Range(1, articles).Select(BorderlinePairs.Road).ToList(), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(KafkaTestBed.Consumer(tagger).Handled == articles), Deadline), "every article is handled");
        var shape = await bed.StoreShapeAsync();
        return (shape.Tags, shape.Mentions);
    }

    [Fact]
    public async Task Borderline_articles_produced_to_the_topic_are_stored_with_the_models_grade_within_the_budget()
    {
        using var bed = await KafkaTestBed.StartAsync(BorderlinePairs.Plan);
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        using var tagger = await bed.StartTaggerAsync(Llm(endpoint, budget: 2));

        // Three borderline pairs, a budget of two questions a day: two become mentions, the third keeps the rules' grade
        // (partial, counted), however the batches in flight interleave.
        Assert.Equal((1L, 2L), await HandleAsync(bed, tagger, articles: 3));
        Assert.Equal(2, endpoint.Requests.Count);

        // What the tagged topic announces is what was stored: the model's grade.
        var grades = bed.ReadAll("monitor.articles.tagged", 3, Deadline)
            .Select(m => Assert.Single(Assert.Single(TaggedArticle.FromJson(m.Message.Value).Plans).Themes).Grade).Order().ToList();
        Assert.Equal([ThemeGrade.Mention, ThemeGrade.Mention, ThemeGrade.Partial], grades);
        await tagger.StopAsync();
    }

    [Fact]
    public async Task Without_a_budget_the_tagger_makes_no_request()
    {
        using var bed = await KafkaTestBed.StartAsync(BorderlinePairs.Plan);
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        using var tagger = await bed.StartTaggerAsync(Llm(endpoint, budget: null));

        Assert.Equal((2L, 0L), await HandleAsync(bed, tagger, articles: 2));
        Assert.Empty(endpoint.Requests);
        await tagger.StopAsync();
    }
}
