using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>The same source is judged in two frames: Nguồn tin and the overview's sources tile judge it now, the
/// overview's gaps on the as-of day (a closed plan's last day). Each page says which frame it uses (the walk of
/// 2026-12-07 found "nguồn im lặng" in the gaps beside "bình thường" on Nguồn tin, neither saying why).</summary>
[Trait("Category", "Browser")]
public sealed class SourceFrameTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Each_page_says_whether_it_judges_the_sources_now_or_on_its_as_of_day()
    {
        // 11:30 UTC is 18:30 in Vietnam.
        await using var site = await DashboardSite.StartAsync(Ct, new ManualTime(new DateTimeOffset(2026, 12, 7, 11, 30, 0, TimeSpan.Zero)));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/?asof=2024-11-20");
        Assert.Equal("tại thời điểm hiện tại (07/12/2026 18:30)", await page.Locator("#tile-sources .note").InnerTextAsync());
        Assert.StartsWith("Tình trạng nguồn tin trong bảng này được xét tính đến ngày 20/11/2024; trang Nguồn tin xét tại thời điểm hiện tại",
            await page.Locator("#gaps-frame").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Cơ quan còn thiếu và nguồn tin (tính đến ngày 20/11/2024)", await page.Locator("table.gaps th").Last.InnerTextAsync());

        await page.GotoAsync(site.BaseUrl + "/sources");
        Assert.StartsWith("Xét tại thời điểm hiện tại (07/12/2026 18:30): ", await page.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("tính đến ngày số liệu của chúng", await page.Locator("#frame").InnerTextAsync(), StringComparison.Ordinal);

        // A leader's tile is not a link, and says the same.
        var leader = await browser.NewPageAsync();
        await site.LoginAsync(leader, MonitorRoles.Leader);
        Assert.Equal("tại thời điểm hiện tại (07/12/2026 18:30)", await leader.Locator("#tile-sources .note").InnerTextAsync());
    }
}
