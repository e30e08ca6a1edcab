using Microsoft.Data.Sqlite;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Tests;

public sealed class GradeStorageTests
{
    [Fact]
    public async Task A_passing_mention_is_kept_beside_the_tags_and_left_out_of_every_count_and_a_retag_replaces_both()
    {
        await using var store = await StoreFixture.CreateAsync();
        var article = StoreFixture.Article("https://baokontum.vn/a.html", published: new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7)));
        await store.UpsertAsync(article);
        var result = new TagResult(article.Id, article.Outlet,
            [new ThemeMatch("2.5", 3, [], ThemeGrade.Partial), new ThemeMatch("2.4", 1.2, [new Evidence("kỷ nguyên vươn mình", 10, 29, "text")], ThemeGrade.Mention)], []);

        await ReplaceAsync(store, result);

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tags WHERE theme_code = '2.5' AND grade = 'partial'"));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM tags WHERE theme_code = '2.4'"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tag_mentions WHERE theme_code = '2.4' AND evidence LIKE '%vươn mình%'"));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM tag_days WHERE theme_code = '2.4'"));   // coverage reads these

        await ReplaceAsync(store, result with { Themes = [new ThemeMatch("2.4", 3, [], ThemeGrade.Primary)] });

        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM tag_mentions"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tags"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM tag_days WHERE theme_code = '2.4'"));
    }

    private static async Task ReplaceAsync(StoreFixture store, TagResult result)
    {
        await using var connection = await store.Db.ConnectAsync(CancellationToken.None);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ArticleWriter.ReplaceTagsAsync(connection, tx, "w46", 1, result, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await tx.CommitAsync();
    }
}
