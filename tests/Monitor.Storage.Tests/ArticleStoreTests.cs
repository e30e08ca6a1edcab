using Monitor.Storage.Articles;

namespace Monitor.Storage.Tests;

public sealed class ArticleStoreTests
{
    [Fact]
    public async Task Storing_the_same_article_twice_keeps_one_row_and_records_no_change()
    {
        await using var store = await StoreFixture.CreateAsync();
        var article = StoreFixture.Article("https://baokontum.vn/a.html");

        Assert.Equal(UpsertOutcome.Inserted, await store.UpsertAsync(article));
        Assert.Equal(UpsertOutcome.Unchanged, await store.UpsertAsync(article));

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM article_changes"));
    }

    [Fact]
    public async Task An_edited_article_keeps_its_row_gets_a_new_version_and_records_the_change()
    {
        await using var store = await StoreFixture.CreateAsync();
        var first = StoreFixture.Article("https://baokontum.vn/a.html", text: "Bản đầu.");
        var edited = StoreFixture.Article("https://baokontum.vn/a.html", text: "Bản đã sửa.");
        await store.UpsertAsync(first);

        Assert.Equal(UpsertOutcome.Changed, await store.UpsertAsync(edited));

        var reader = new ArticleReader(store.Db);
        Assert.Equal(1, await reader.CountAsync(CancellationToken.None));
        Assert.Equal(2, await reader.VersionAsync(first.Id, CancellationToken.None));
        Assert.Equal("Bản đã sửa.", (await reader.GetAsync(first.Id, CancellationToken.None))!.Text);
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM article_changes"));
    }

    [Fact]
    public async Task An_older_fetch_arriving_after_a_newer_one_is_not_written_over_it()
    {
        await using var store = await StoreFixture.CreateAsync();
        var older = StoreFixture.Article("https://baokontum.vn/a.html", text: "Bản đầu.");
        var newer = StoreFixture.Article("https://baokontum.vn/a.html", text: "Bản đã sửa.") with { FetchedAt = older.FetchedAt.AddHours(6) };
        await store.UpsertAsync(newer);

        // A redelivered or reordered message of the first fetch: the store keeps the later version.
        Assert.Equal(UpsertOutcome.Stale, await store.UpsertAsync(older));

        var reader = new ArticleReader(store.Db);
        Assert.Equal("Bản đã sửa.", (await reader.GetAsync(older.Id, CancellationToken.None))!.Text);
        Assert.Equal(1, await reader.VersionAsync(older.Id, CancellationToken.None));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM article_changes"));
        Assert.Equal(UpsertOutcome.Changed, await store.UpsertAsync(newer with { Text = "Bản sửa lần hai.", ContentHash = "h2", FetchedAt = newer.FetchedAt.AddHours(1) }));
    }

    [Fact]
    public async Task Full_text_search_finds_articles_whatever_the_accents_and_finds_edited_text_only()
    {
        await using var store = await StoreFixture.CreateAsync();
        await store.UpsertAsync(StoreFixture.Article("https://x.vn/1", title: "Đảm bảo an toàn thực phẩm dịp Tết"));
        await store.UpsertAsync(StoreFixture.Article("https://x.vn/2", title: "Thu hoạch cà phê", text: "Bản đầu nói về ngộ độc."));
        await store.UpsertAsync(StoreFixture.Article("https://x.vn/2", title: "Thu hoạch cà phê", text: "Bản sửa nói về giá cả."));
        var reader = new ArticleReader(store.Db);

        Assert.Equal("https://x.vn/1", Assert.Single(await reader.SearchAsync("dam bao AN TOAN thuc pham", 10, CancellationToken.None)).Url);
        Assert.Equal("https://x.vn/1", Assert.Single(await reader.SearchAsync("Đảm bảo", 10, CancellationToken.None)).Url);
        Assert.Empty(await reader.SearchAsync("ngộ độc", 10, CancellationToken.None));
        Assert.Single(await reader.SearchAsync("gia ca", 10, CancellationToken.None));
    }
}
