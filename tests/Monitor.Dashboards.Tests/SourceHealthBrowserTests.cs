using Microsoft.Playwright;
using Monitor.Dashboards.Tests.Support;
using Monitor.Wording;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;

namespace Monitor.Dashboards.Tests;

/// <summary>The source health page, the source note beside a gap, and a theme's stories with syndicated copies grouped,
/// in Debian's Chromium (Playwright, nothing downloaded).</summary>
[Trait("Category", "Browser")]
public sealed class SourceHealthBrowserTests
{
    [Fact]
    public async Task An_administrator_finds_the_paused_and_the_silent_source_first_and_marked_and_the_healthy_one_not()
    {
        await using var site = await DashboardSite.StartAsync(CancellationToken.None);
        var lines = (await new SourceHealthReport(site.Db, TimeProvider.System).ComputeAsync([], CancellationToken.None)).ToDictionary(l => l.Source);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await site.LoginAsync(page, Monitor.Dashboards.Accounts.MonitorRoles.Admin);
        await page.Locator("nav a", new() { HasText = "Nguồn tin" }).ClickAsync();

        Assert.Equal(site.BaseUrl + "/sources", page.Url);
        Assert.Equal("Monitor — Nguồn tin", await page.TitleAsync());
        var paused = page.Locator("table.sources tr[data-source='congtt']");
        var silent = page.Locator("table.sources tr[data-source='imlang']");
        var healthy = page.Locator("table.sources tr[data-source='baokontum']");
        Assert.Contains("Cần chú ý", await paused.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("máy chủ kontum.gov.vn tạm dừng đến", await paused.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("HTTP 5xx: 1", await paused.Locator("td.errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"im lặng từ {SourceWords.When(lines["imlang"].LastNewArticle)}", await silent.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("attention", await silent.GetAttributeAsync("class"));
        Assert.Equal("bình thường", await healthy.Locator("td.status").InnerTextAsync());
        Assert.Null(await healthy.GetAttributeAsync("class"));
        Assert.Equal(lines["baokontum"].ArticlesPerDay.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), await healthy.Locator("td.n").InnerTextAsync());
        // Needing attention comes first: every marked row before the healthy one.
        var order = await page.Locator("table.sources tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.source)");
        Assert.Equal(lines.Values.Where(l => l.NeedsAttention).Select(l => l.Source).Order(StringComparer.Ordinal).Append("baokontum"), order);
        Assert.Equal("rgb(253, 236, 234)", await paused.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Contains("congtt", await page.Locator("table.paused tr[data-host='kontum.gov.vn']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Bài mới mỗi ngày:", await healthy.Locator("td.spark svg").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await Screens.SaveAsync(page, "sources-admin");
    }

    [Fact]
    public async Task An_analyst_reads_beside_an_uncovered_theme_that_its_outlets_source_is_paused()
    {
        await using var site = await DashboardSite.StartAsync(CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await site.LoginAsync(page, Monitor.Dashboards.Accounts.MonitorRoles.Analyst);

        var gap = await page.Locator("table.gaps tr[data-theme='2.5']").InnerTextAsync();
        Assert.Contains("không có bài có thể do nguồn lỗi", gap, StringComparison.Ordinal);
        Assert.Contains($"{DashboardSite.PausedOutlet}: nguồn tạm dừng: máy chủ kontum.gov.vn", gap, StringComparison.Ordinal);
        Assert.Contains("(không có bài có thể do nguồn lỗi)", await page.Locator("table.matrix tr[data-theme='2.5'] td.gap").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syndicated_copy_is_listed_once_under_its_original_on_the_theme_page()
    {
        await using var site = await DashboardSite.StartAsync(CancellationToken.None);
        var coverage = new SqliteCoverageStore(site.Db, TimeProvider.System);
        var today = DateOnly.FromDateTime(Monitor.Core.Time.VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).DateTime);
        var stories = (await coverage.StoriesAsync(site.Plan, "3.1", today, StoryPage.All, CancellationToken.None))!;
        var gap = (await coverage.GapsAsync(site.Plan, today, CancellationToken.None)).Themes.Single(t => t.Code == "3.1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await site.LoginAsync(page, Monitor.Dashboards.Accounts.MonitorRoles.Leader);
        Assert.Equal($"({gap.Stories} tin gốc, {gap.Articles - gap.Stories} bản đăng lại)",
            await page.Locator("table.matrix tr[data-theme='3.1'] span.copies").InnerTextAsync());
        await page.Locator("table.matrix tr[data-theme='3.1'] th a").ClickAsync();

        Assert.Equal(site.BaseUrl + "/plans/w46/themes/3.1", page.Url);
        // Three articles, two stories: the copy sits under its original, not beside it.
        Assert.Equal((3, 2, 2), (stories.Articles, stories.Total, stories.Stories.Count));
        Assert.Equal(gap.Stories, stories.Stories.Count);
        Assert.Equal(stories.Stories.Count, await page.Locator("li.story").CountAsync());
        var original = page.Locator("li.story[data-article='c1']");
        Assert.Equal("Bản đăng lại: 1", await original.Locator("summary").InnerTextAsync());
        await original.Locator("summary").ClickAsync();
        Assert.Contains("Đài Kon Tum", await original.Locator("li.copy[data-article='c2']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("li.story[data-article='c2']").CountAsync());
        Assert.Equal(0, await page.Locator("li.story[data-article='c3'] summary").CountAsync());
        Assert.Equal($"{stories.Total} tin gốc, {stories.Copies} bản đăng lại ({stories.Articles} bài).", await page.Locator("#counts").InnerTextAsync());
    }
}
