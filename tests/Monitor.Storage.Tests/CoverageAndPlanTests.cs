using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Tests;

public sealed class CoverageAndPlanTests
{
    private static Plan Plan(params string[] keywords) => new()
    {
        Id = "w46",
        Themes =
        [
            new Theme { Code = "1.2", Title = "Ngộ độc thực phẩm", Keywords = [.. keywords], Window = new DateWindow { From = new(2024, 11, 11), To = new(2024, 11, 30) } },
            new Theme { Code = "2.5", Title = "Kỳ họp thứ 8", Keywords = ["kỳ họp thứ 8 quốc hội"] },
        ],
    };

    [Fact]
    public async Task Loading_an_unchanged_plan_keeps_its_version_and_an_edited_plan_adds_one()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plans = new PlanStore(store.Db, TimeProvider.System);

        Assert.Equal(1, (await plans.SaveAsync(Plan("ngộ độc thực phẩm"), CancellationToken.None)).Version);
        Assert.Equal(1, (await plans.SaveAsync(Plan("ngộ độc thực phẩm"), CancellationToken.None)).Version);
        Assert.Equal(2, (await plans.SaveAsync(Plan("ngộ độc thực phẩm", "an toàn thực phẩm"), CancellationToken.None)).Version);

        var latest = Assert.Single(await plans.LatestAsync(CancellationToken.None));
        Assert.Equal(2, latest.Version);
        Assert.Equal(["ngộ độc thực phẩm", "an toàn thực phẩm"], latest.Plan.Themes[0].Keywords);
    }

    [Fact]
    public async Task A_plan_with_a_duplicate_theme_code_or_a_count_that_is_not_positive_is_never_stored()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plans = new PlanStore(store.Db, TimeProvider.System);
        var twice = Plan("ngộ độc thực phẩm");
        twice.Themes[1].Code = "1.2";
        var negative = Plan("ngộ độc thực phẩm");
        negative.Quotas.Add(new Quota { Theme = "1.2", Count = -5, Unit = "tin", Period = "week" });

        var duplicate = await Assert.ThrowsAsync<PlanFormatException>(() => plans.SaveAsync(twice, CancellationToken.None));
        var count = await Assert.ThrowsAsync<PlanFormatException>(() => plans.SaveAsync(negative, CancellationToken.None));

        Assert.Contains("'1.2'", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("count = -5", count.Message, StringComparison.Ordinal);
        Assert.Empty(await plans.LatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Coverage_counts_articles_per_theme_outlet_and_week_inside_the_window_only()
    {
        await using var store = await StoreFixture.CreateAsync();
        var stored = await new PlanStore(store.Db, TimeProvider.System).SaveAsync(Plan("ngộ độc thực phẩm"), CancellationToken.None);
        var matcher = new PlanMatcher(stored.Plan);
        var vn = TimeSpan.FromHours(7);
        var articles = new[]
        {
            StoreFixture.Article("https://x.vn/before", text: "ngộ độc thực phẩm", published: new(2024, 11, 10, 23, 0, 0, vn)), // W45, before the window
            StoreFixture.Article("https://x.vn/w46a", text: "ngộ độc thực phẩm", published: new(2024, 11, 11, 0, 30, 0, vn)),
            StoreFixture.Article("https://x.vn/w46b", text: "ngo doc thuc pham", published: new(2024, 11, 17, 22, 0, 0, vn)),
            StoreFixture.Article("https://x.vn/w47", text: "Ngộ độc thực phẩm", published: new(2024, 11, 20, 9, 0, 0, vn)),
            StoreFixture.Article("https://x.vn/other", title: "Giá cà phê tăng", text: "giá cà phê", published: new(2024, 11, 20, 9, 0, 0, vn)),
        };
        await using (var connection = await store.Db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var a in articles)
            {
                await ArticleWriter.UpsertAsync(connection, tx, a, DateTimeOffset.UnixEpoch, CancellationToken.None);
                await ArticleWriter.ReplaceTagsAsync(connection, tx, stored.Id, stored.Version, matcher.Tag(a), DateTimeOffset.UnixEpoch, CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        var report = await new SqliteCoverageStore(store.Db, TimeProvider.System).CoverageAsync(stored, new CoverageQuery(), CancellationToken.None);

        Assert.Equal([new CoverageCell("1.2", "Báo Kon Tum", "2024-W46", 2), new CoverageCell("1.2", "Báo Kon Tum", "2024-W47", 1)], report.Cells);
        Assert.Equal(("2.5", "Kỳ họp thứ 8"), Assert.Single(report.Uncovered));
        Assert.Equal(1, report.CoveredThemes);
        Assert.Equal(5, report.ArticlesStored);
    }
}
