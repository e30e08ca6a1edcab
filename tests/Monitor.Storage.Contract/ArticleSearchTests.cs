using Microsoft.Data.Sqlite;
using Monitor.Storage.Search;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Contract;

/// <summary>Tìm kiếm's search (<see cref="IArticleSearch"/>): the same articles, in the same order, with the same total
/// and themes from every store, for words with or without accents, across title and lead + body, and under each filter.</summary>
public abstract class ArticleSearchTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ICoverageBackend _backend;

    protected ArticleSearchTests(ICoverageBackend backend) => _backend = backend;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [ContractFact]
    public async Task Words_match_whole_folded_words_in_the_title_or_the_lead_and_body_newest_first()
    {
        await using var store = await StoreFixture.CreateAsync();
        await FillAsync(store.Db);
        var lead = await WriteLeadAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        var search = _backend.Search(store.Db);

        var all = await search.SearchAsync(Query("noi", "dung"), 0, 20, Ct);
        var accented = await search.SearchAsync(Query("nội", "dung"), 0, 20, Ct);

        Assert.Equal((7, "a7 a6 a5 a4 a3 a2 a1"), (all.Total, Names(all.Page)));
        Assert.Equal(all.Page.Select(a => a.Id), accented.Page.Select(a => a.Id));
        // One word in the title, the other in the body; a word found only in the lead; no part of a word.
        Assert.Equal(["a3"], (await search.SearchAsync(Query("tin", "dung", "a3"), 0, 20, Ct)).Page.Select(Name));
        var found = Assert.Single((await search.SearchAsync(Query("khuyen", "cao"), 0, 20, Ct)).Page);
        Assert.Equal((lead.Id, lead.Title, lead.Description, lead.Text, B, "Sức khỏe", "2024-11-19", lead.Url),
            (found.Id, found.Title, found.Description, found.Text, found.Outlet, found.Section, found.Day, found.Url));
        Assert.Equal((0, 0), Counted(await search.SearchAsync(Query("dun"), 0, 20, Ct)));
        Assert.Equal((0, 0), Counted(await search.SearchAsync(Query("noi", "khong"), 0, 20, Ct)));
        Assert.Equal((0, 0), Counted(await search.SearchAsync(Query(), 0, 20, Ct)));
    }

    [ContractFact]
    public async Task Filters_narrow_by_outlet_vietnamese_day_and_theme_and_pages_keep_the_total()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        await _backend.OpenAsync(store.Db);
        var search = _backend.Search(store.Db);
        var words = new[] { "noi", "dung" };

        var outlet = await search.SearchAsync(new ArticleQuery(words, Outlet: B), 0, 20, Ct);
        // a4 is published on 18 November in Vietnam (still the 17th in UTC): the days are Vietnamese days.
        var days = await search.SearchAsync(new ArticleQuery(words, From: new(2024, 11, 18), To: new(2024, 11, 20)), 0, 20, Ct);
        var theme = await search.SearchAsync(new ArticleQuery(words, Plan: plan.Id, Theme: "1.3"), 0, 20, Ct);
        var page = await search.SearchAsync(new ArticleQuery(words, Plan: plan.Id), 2, 2, Ct);
        var past = await search.SearchAsync(new ArticleQuery(words), 10, 5, Ct);

        Assert.Equal(["a6", "a5"], outlet.Page.Select(Name));
        Assert.Equal(["a5", "a4"], days.Page.Select(Name));
        Assert.Equal((3, "a6 a5 a2"), (theme.Total, Names(theme.Page)));
        Assert.Equal(["1.2", "1.3"], theme.Page[^1].Themes);
        Assert.Equal((7, "a5 a4"), (page.Total, Names(page.Page)));
        Assert.Equal(["1.3"], page.Page[0].Themes);
        // Without a plan an article lists no themes; a theme no article has finds nothing; a page past the end is empty.
        Assert.All((await search.SearchAsync(new ArticleQuery(words), 0, 20, Ct)).Page, a => Assert.Empty(a.Themes));
        Assert.Equal((0, 0), Counted(await search.SearchAsync(new ArticleQuery(words, Plan: plan.Id, Theme: "2.5"), 0, 20, Ct)));
        Assert.Equal((7, 0), Counted(past));
        Assert.Equal([A, B], await search.OutletsAsync(Ct));
    }

    private static ArticleQuery Query(params string[] words) =>
        new(words.Select(w => Core.Text.VietnameseFolding.Key(w)).Where(w => w.Length > 0).ToList());

    private static (int Total, int Count) Counted((int Total, IReadOnlyList<FoundArticle> Page) answer) => (answer.Total, answer.Page.Count);

    private static string Names(IEnumerable<FoundArticle> page) => string.Join(' ', page.Select(Name));

    private static string Name(FoundArticle a) => CoverageFixture.Articles.Single(f => Id(f.Name) == a.Id).Name;

    /// <summary>An article of B whose lead alone says "khuyến cáo", untagged.</summary>
    private static async Task<Core.Articles.Article> WriteLeadAsync(MonitorDatabase db)
    {
        var article = Article("lead", B, "Sức khỏe", new DateTimeOffset(2024, 11, 19, 7, 0, 0, TimeSpan.FromHours(7))) with
        {
            Title = "Mùa đông", Description = "Sở Y tế khuyến cáo giữ ấm", Text = "Trời lạnh.",
        };
        await using var connection = await db.ConnectAsync(Ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await Articles.ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, Ct);
        await tx.CommitAsync(Ct);
        return article;
    }
}
