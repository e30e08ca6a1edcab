using Microsoft.Playwright;
using Monitor.Dashboards.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>The dashboard in a real browser: Debian's Chromium driven by Playwright (nothing is downloaded).</summary>
[Trait("Category", "Browser")]
public sealed class BrowserTests
{
    [Fact]
    public async Task An_analyst_sees_the_uncovered_theme_the_quota_behind_and_the_broken_source_beside_the_gap_in_chromium()
    {
        await using var site = await DashboardSite.StartAsync(CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(site.BaseUrl + "/");

        Assert.Equal("Monitor — Độ phủ tuyên truyền", await page.TitleAsync());
        var gap = page.Locator("table.coverage tr[data-theme='2.5'] td.gap");
        Assert.StartsWith("chưa có bài", await gap.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Báo Kon Tum", await page.Locator("table.coverage tr[data-theme='1.2'] td").Nth(1).InnerTextAsync());
        Assert.Contains("hong", await page.Locator("#sources").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("chậm tiến độ", await page.Locator("table.quotas tr[data-quota='1'] td").Last.InnerTextAsync());
        Assert.Contains("Đài Kon Tum: nguồn lỗi", await page.Locator("table.gaps tr[data-theme='2.5']").InnerTextAsync(), StringComparison.Ordinal);
        // The cell a user must notice is drawn in the warning colour.
        Assert.Equal("rgb(176, 0, 32)", await gap.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root, "artifacts", "dashboard.png"), FullPage = true });
    }
}
