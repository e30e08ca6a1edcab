using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>The article page shows a theme the article only passes by apart from the themes it counts for.</summary>
[Trait("Category", "Browser")]
public sealed class MentionsBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_passing_mention_is_listed_apart_from_the_counted_themes_and_is_not_counted()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var coverage = new SqliteCoverageStore(site.Db, TimeProvider.System);
        async Task<int> CountAsync(string theme) => (await coverage.CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Window), Ct)).Cells.Where(c => c.Theme == theme).Sum(c => c.Articles);
        var before = await CountAsync("3.1");
        const string Title = "Phòng ngừa ngộ độc thực phẩm dịp cuối năm";
        const string Text = "Đoàn kiểm tra làm việc tại các bếp ăn tập thể.\n\nCuối buổi, đại biểu có nhắc đến chuyển đổi số trong quản lý.";
        var article = new Article
        {
            Id = "m1", Url = "http://x.vn/m1", CanonicalUrl = "http://x.vn/m1", Outlet = "Báo Kon Tum", Title = Title, Text = Text,
            Published = new DateTimeOffset(2024, 11, 20, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "hm1",
        };
        Evidence Found(string field, string text, string phrase) => new(phrase, text.IndexOf(phrase, StringComparison.Ordinal), text.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length, field);
        var tags = new TagResult("m1", "Báo Kon Tum",
            [new ThemeMatch("1.2", 2, [Found("title", Title, "ngộ độc thực phẩm")]), new ThemeMatch("3.1", 0.5, [Found("text", Text, "chuyển đổi số")], ThemeGrade.Mention)], []);
        await using (var connection = await site.Db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, Ct);
            await ArticleWriter.ReplaceTagsAsync(connection, tx, site.Plan.Id, site.Plan.Version, tags, DateTimeOffset.UnixEpoch, Ct);
            await tx.CommitAsync(Ct);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);
        await page.GotoAsync(site.BaseUrl + "/articles/m1");

        Assert.Equal(["1.2"], await page.Locator("table.themes tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.theme)"));
        Assert.Equal(["3.1"], await page.Locator("#mentions table.mentions tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.theme)"));
        var row = await Downloads.TableAsync(page.Locator("#mentions table.mentions"));
        Assert.Equal(["w46", "3.1 Chuyển đổi số", "0,5", "“chuyển đổi số” (thân bài)"], row[1]);
        Assert.Equal(before, await CountAsync("3.1"));
        await Screens.SaveAsync(page, "article-mentions");

        await page.GotoAsync(site.BaseUrl + "/articles/c1");
        Assert.Equal("Không có. Bài không chỉ nhắc qua chủ đề nào.", await page.Locator("#mentions p").InnerTextAsync());
    }
}
