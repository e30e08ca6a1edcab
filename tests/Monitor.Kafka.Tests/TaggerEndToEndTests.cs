using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Bus;
using Monitor.Core.Tagging;
using Monitor.Host.Pipeline.Kafka;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class TaggerEndToEndTests
{
    [Fact]
    public async Task Articles_published_to_kafka_are_tagged_stored_once_and_their_tags_published()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var tagger = await bed.StartTaggerAsync();
        var articles = bed.Articles(300);
        await tagger.Services.GetRequiredService<IArticlePublisher>().PublishAsync(articles, CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == articles.Count, TimeSpan.FromSeconds(60)));
        var stored = await bed.Reader.GetAsync(articles[17].Id, CancellationToken.None);
        Assert.Equal(articles[17].Text, stored!.Text);
        var matcher = new PlanMatcher(bed.Plan);
        var shape = await bed.StoreShapeAsync();
        var themes = articles.SelectMany(a => matcher.Tag(a).Themes).ToList();
        Assert.Equal((themes.Count(t => t.Counts), themes.Count(t => !t.Counts)), (shape.Tags, shape.Mentions));
        Assert.Equal((0, 1), (shape.Changes, shape.MaxVersion));

        var tagged = bed.ReadAll("monitor.articles.tagged", articles.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(articles.Select(a => a.Id).Order(), tagged.Select(m => m.Message.Key).Order());
        Assert.All(tagged, m => Assert.Equal("1", ArticleHeaders.Get(m.Message.Headers, ArticleHeaders.SchemaVersion)));
        foreach (var message in tagged.Take(50))
        {
            var value = TaggedArticle.FromJson(message.Message.Value);
            var expected = matcher.Tag(articles.Single(a => a.Id == message.Message.Key));
            Assert.Equal(expected.Themes.Select(t => t.Code), value.Plans.Single().Themes.Select(t => t.Code));
        }

        await tagger.StopAsync();
    }

    [Fact]
    public async Task A_redelivered_article_is_not_stored_twice()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var tagger = await bed.StartTaggerAsync();
        var articles = bed.Articles(50);
        await bed.PublishAsync(articles);
        await bed.PublishAsync(articles.Take(20));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(KafkaTestBed.Consumer(tagger).Handled == 70), TimeSpan.FromSeconds(60)));
        Assert.Equal(50, await bed.Reader.CountAsync(CancellationToken.None));
        var shape = await bed.StoreShapeAsync();
        Assert.Equal((0, 1), (shape.Changes, shape.MaxVersion));
        await tagger.StopAsync();
    }
}
