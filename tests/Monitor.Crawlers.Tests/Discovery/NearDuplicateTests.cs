using Monitor.Crawlers.Duplicates;
using Monitor.Lab.SampleSite;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Discovery;

public sealed class NearDuplicateTests
{
    private static readonly SampleSiteContent Content = SampleSiteContent.Load();

    private static string Text(SampleArticle a) => a.Sapo + "\n\n" + a.Body;

    [Fact]
    public void A_syndicated_copy_with_credit_lines_and_an_unaccented_lead_is_within_the_threshold()
    {
        var original = Content.Articles[0];
        var copy = "(TTXVN) " + Monitor.Core.Text.VietnameseFolding.Key(original.Sapo) + "\n\n" + original.Body + "\n\nTheo TTXVN";

        var distance = SimHash.Distance(SimHash.Of(Text(original)), SimHash.Of(copy));
        Assert.True(distance <= SimHash.Threshold, $"copy is {distance} bits away");
    }

    [Fact]
    public void Different_stories_are_far_apart()
    {
        var hashes = Content.Articles.Select(a => SimHash.Of(Text(a))).ToList();
        var closest = hashes.SelectMany((h, i) => hashes.Skip(i + 1).Select(o => SimHash.Distance(h, o))).Min();

        Assert.True(closest > SimHash.Threshold, $"two different sample stories are {closest} bits apart");
    }

    [Fact]
    public async Task The_store_links_copies_across_outlets_but_not_within_one_outlet()
    {
        using var dir = new TempDir();
        var store = new NearDuplicates(await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None), TimeProvider.System);
        var when = new DateTimeOffset(2024, 11, 18, 8, 0, 0, TimeSpan.FromHours(7));
        var hash = SimHash.Of(Text(Content.Articles[0]));

        await store.AddAsync("a", "Báo Kon Tum", hash, when, SimHash.Threshold, CancellationToken.None);
        await store.AddAsync("b", "Báo Kon Tum", hash ^ 1, when, SimHash.Threshold, CancellationToken.None);
        var links = await store.AddAsync("c", "Báo Tin tức", hash ^ 3, when.AddHours(5), SimHash.Threshold, CancellationToken.None);
        await store.AddAsync("d", "Báo Tin tức", hash, when.AddDays(10), SimHash.Threshold, CancellationToken.None);

        Assert.Equal(["a", "b"], links.Select(l => l.DuplicateOf).Order());
        Assert.Equal(2, (await store.LinksAsync(CancellationToken.None)).Count);
    }
}
