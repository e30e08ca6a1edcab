using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Tests;

public sealed class RetagTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static Plan Plan(DateOnly from, DateOnly to, params string[] keywords) => new()
    {
        Id = "w46",
        Themes = [new Theme { Code = "1.2", Title = "Ngộ độc thực phẩm", Keywords = [.. keywords], Window = new DateWindow { From = from, To = to } }],
    };

    [Fact]
    public async Task A_new_plan_version_retags_the_articles_inside_its_windows_replacing_old_tags_and_a_second_run_changes_nothing()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plans = new PlanStore(store.Db, TimeProvider.System);
        var articles = new[]
        {
            StoreFixture.Article("https://x.vn/before", text: "Ngộ độc thực phẩm ở trường.", published: new(2024, 11, 10, 23, 0, 0, Vn)),
            StoreFixture.Article("https://x.vn/first-day", text: "Ngộ độc thực phẩm ở trường.", published: new(2024, 11, 11, 0, 10, 0, Vn)),
            StoreFixture.Article("https://x.vn/mushroom", text: "Ăn nấm rừng bị ngộ độc.", published: new(2024, 11, 20, 9, 0, 0, Vn)),
            StoreFixture.Article("https://x.vn/last-day", text: "Cà phê vào vụ.", published: new(2024, 11, 30, 23, 50, 0, Vn)),
            StoreFixture.Article("https://x.vn/after", text: "Ăn nấm rừng bị ngộ độc.", published: new(2024, 12, 1, 0, 10, 0, Vn)),
        };
        var v1 = await plans.SaveAsync(Plan(new(2024, 11, 1), new(2024, 12, 31), "ngộ độc thực phẩm"), CancellationToken.None);
        foreach (var article in articles)
        {
            await store.UpsertAsync(article);
            await StoreTagsAsync(store, v1, new PlanMatcher(v1.Plan).Tag(article));
        }

        Assert.Equal([("before", 1), ("first-day", 1)], await TagsAsync(store));

        var v2 = await plans.SaveAsync(Plan(new(2024, 11, 11), new(2024, 11, 30), "ngộ độc"), CancellationToken.None);
        var reports = new List<(long, long)>();
        var summary = await new PlanRetagger(store.Db, TimeProvider.System).RetagAsync(v2, new SyncProgress(reports.Add), CancellationToken.None);

        Assert.Equal(3, summary.Articles);      // first-day, mushroom, last-day: the window's days in Vietnamese time
        Assert.Equal(2, summary.Tagged);
        Assert.Equal([("first-day", 2), ("mushroom", 2)], await TagsAsync(store));
        Assert.Equal((0L, 3L), reports[0]);
        Assert.Equal((3L, 3L), reports[^1]);

        await new PlanRetagger(store.Db, TimeProvider.System).RetagAsync(v2, null, CancellationToken.None);
        Assert.Equal([("first-day", 2), ("mushroom", 2)], await TagsAsync(store));
    }

    [Fact]
    public void The_span_of_a_plan_is_open_where_any_theme_leaves_its_window_open()
    {
        var plan = Plan(new(2024, 11, 11), new(2024, 11, 30), "x");
        plan.Themes.Add(new Theme { Code = "2.5", Title = "t", Window = new DateWindow { From = new(2024, 11, 1) } });

        Assert.Equal((new DateOnly(2024, 11, 1), (DateOnly?)null), PlanRetagger.Span(plan));
    }

    private static async Task StoreTagsAsync(StoreFixture store, StoredPlan plan, TagResult result)
    {
        await using var connection = await store.Db.ConnectAsync(CancellationToken.None);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, result, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await tx.CommitAsync();
    }

    private static async Task<List<(string, long)>> TagsAsync(StoreFixture store)
    {
        await using var connection = await store.Db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.url, t.plan_version FROM tags t JOIN articles a ON a.id = t.article_id ORDER BY a.url";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0)["https://x.vn/".Length..], reader.GetInt64(1)));
        }

        return rows;
    }

    // Progress<T> posts to the thread pool; the test wants every report, in order, before the call returns.
    private sealed class SyncProgress(Action<(long, long)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }
}
