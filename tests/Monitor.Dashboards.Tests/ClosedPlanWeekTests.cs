using Microsoft.Playwright;
using Monitor.Core.Plans;
using Monitor.Core.Time;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>Tổng quan of a plan whose windows are over: the as-of day defaults to the last window day, whose ISO week may
/// hold two window days and no article; the week tile counts the last week of the windows with articles instead (else
/// the last week holding most of its days in the windows) and says so. A day asked for keeps its own week.</summary>
[Trait("Category", "Browser")]
public sealed class ClosedPlanWeekTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task After_the_windows_close_the_week_tile_counts_the_last_week_with_articles_not_the_last_days_empty_week()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        // Windows to Tuesday 26/11/2024: week 48 holds two of their days and none of the site's articles.
        var stored = await SaveAndTagAsync(site, "dong", new DateOnly(2024, 11, 26), ["ngộ độc thực phẩm"], ["chuyển đổi số"]);
        var articles = new SqliteArticleStore(site.Db);
        async Task<int> CountAsync(string week) => (await articles.TaggedAsync(stored, IsoWeek.Parse(week).Monday, IsoWeek.Parse(week).Sunday, Ct))
            .Select(t => t.Id).Distinct(StringComparer.Ordinal).Count();
        var (w46, w47, w48) = (await CountAsync("2024-W46"), await CountAsync("2024-W47"), await CountAsync("2024-W48"));
        Assert.True(w47 > 0 && w48 == 0, $"the fixture's weeks: 47 has {w47}, 48 has {w48}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.GotoAsync(site.BaseUrl + "/?plan=dong");
        Assert.Contains("Số liệu tính đến hết ngày 26/11/2024.", await page.Locator("p.sub").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Bài trong tuần 47/2024", await page.Locator("#tile-week .label").InnerTextAsync());
        Assert.Equal(w47.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#tile-week .value").InnerTextAsync());
        Assert.Equal($"{(w47 >= w46 ? "+" : "−")}{Math.Abs(w47 - w46)} so với tuần trước", await page.Locator("#tile-week .change").InnerTextAsync());
        Assert.Equal("tuần cuối có bài; kế hoạch kết thúc 26/11/2024", await page.Locator("#tile-week-note").InnerTextAsync());
        await page.Locator("#tile-week").ClickAsync();
        await page.WaitForPageAsync("**/plans/dong/articles?**");
        Assert.Equal(w47, await page.Locator("ol.articles li").CountAsync());

        // A day asked for is the reader's choice: its own week, even empty, and no note.
        await page.GotoAsync(site.BaseUrl + "/?plan=dong&asof=2024-11-26");
        Assert.Equal("Bài trong tuần 48/2024", await page.Locator("#tile-week .label").InnerTextAsync());
        Assert.Equal("0", await page.Locator("#tile-week .value").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#tile-week-note").CountAsync());
    }

    [Fact]
    public async Task A_closed_plan_without_a_counted_article_opens_on_its_last_week_holding_most_of_a_week()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        // Windows to Tuesday 31/12/2024 (week 1/2025 holds two of their days); no stored article names the theme.
        await SaveAndTagAsync(site, "rong", new DateOnly(2024, 12, 31), ["giao thông nông thôn"]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.GotoAsync(site.BaseUrl + "/?plan=rong");
        Assert.Equal("Bài trong tuần 52/2024", await page.Locator("#tile-week .label").InnerTextAsync());
        Assert.Equal("tuần cuối của kế hoạch; kế hoạch kết thúc 31/12/2024", await page.Locator("#tile-week-note").InnerTextAsync());
    }

    /// <summary>Saves a plan of one theme per keyword list, windows from 11/11/2024 to <paramref name="end"/>, and tags the
    /// stored articles with it as a re-tag does.</summary>
    private static async Task<StoredPlan> SaveAndTagAsync(DashboardSite site, string id, DateOnly end, params string[][] keywords)
    {
        var plan = new Plan
        {
            Id = id,
            Themes = keywords.Select((k, i) => new Theme
            {
                Code = $"{i + 1}.1", Title = k[0], Keywords = [.. k], Outlets = ["Báo Kon Tum", "Đài Kon Tum"],
                Window = new DateWindow { From = new(2024, 11, 11), To = end },
            }).ToList(),
        };
        var stored = await new PlanStore(site.Db, TimeProvider.System).SaveAsync(plan, Ct);
        await new PlanRetagger(site.Db, TimeProvider.System).RetagAsync(stored, null, Ct);
        return stored;
    }
}
