using Monitor.Storage;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Elasticsearch.Tests;

/// <summary>What the feed reads from a real SQLite store and hands to the indexer, without a cluster: the documents
/// carry the whole article, the Vietnamese day and the tags' own coverage columns, so Elasticsearch counts on the days
/// SQLite counts on.</summary>
public sealed class ElasticsearchFeedTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_page_holds_the_articles_in_order_with_their_vietnamese_day_their_tags_and_their_links()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        await using (var connection = await store.Db.ConnectAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO near_duplicates (article_id, duplicate_of, distance, found_at) VALUES ($a, $b, 3, '2024-11-20T00:00:00Z')",
                Ct, null, ("$a", Id("a5")), ("$b", Id("a2")));
        }

        await using var read = await store.Db.ConnectAsync(Ct);
        var (first, last) = await ElasticsearchFeed.PageAsync(read, 0, 4, Ct);
        var (rest, end) = await ElasticsearchFeed.PageAsync(read, last, 4, Ct);
        var (none, _) = await ElasticsearchFeed.PageAsync(read, end, 4, Ct);

        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6", "a7"], first.Concat(rest).Select(p => CoverageFixture.Articles.Single(a => Id(a.Name) == p.Article.Id).Name));
        Assert.Empty(none);
        // a4: 06:00 on Monday 18 November in Vietnam, still the 17th in UTC.
        var a4 = first[3];
        Assert.Equal(("2024-11-18", "2024-W47", "2024-11"), (a4.Article.Day, a4.Article.Week, a4.Article.Month));
        var tag = Assert.Single(a4.Tags);
        Assert.Equal((Id("a4"), "w46", "1.2", A, "2024-11-18", "2024-W47", "2024-11"), (tag.ArticleId, tag.PlanId, tag.ThemeCode, tag.Outlet, tag.Day, tag.Week, tag.Month));
        Assert.Equal(["1.2", "1.3"], first[1].Tags.Select(t => t.ThemeCode).Order(StringComparer.Ordinal));
        var a5 = rest[0];
        Assert.Equal((B, "Phòng cháy", "phong chay"), (a5.Tags[0].Outlet, a5.Tags[0].Section, Monitor.Core.Text.VietnameseFolding.Key(a5.Article.Section!)));
        Assert.Equal([Id("a2")], a5.Article.DuplicateOf);
        Assert.Equal(("tin a5", "Nội dung a5", "https://x.vn/a5"), (a5.Article.TitleFolded, a5.Article.Text, a5.Article.CanonicalUrl));
        // The whole article comes back from its document, for re-tagging from the index.
        Assert.Equal(Article("a5", B, "Phòng cháy", Articles[4].Published) with { ContentHash = a5.Article.ContentHash }, a5.Article.ToArticle());
    }
}
