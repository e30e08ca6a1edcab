using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>Pages with real theme titles at phone width: a theme select sized to a title of 90 letters (the sample
/// plan's 2.5) and the article's theme table with its feedback forms stay inside the screen.</summary>
[Trait("Category", "Browser")]
public sealed class PhoneWidthTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private const string LongTitle = "Kết quả Kỳ họp thứ 8 Quốc hội khóa XV; Tuần Văn hóa - Du lịch và Liên hoan cồng chiêng, xoang";

    [Fact]
    public async Task The_search_form_and_an_article_page_with_long_theme_titles_fit_a_phone()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var plan = site.Plan.Plan;
        plan.Themes.Single(t => t.Code == "2.5").Title = LongTitle;
        await new PlanStore(site.Db, TimeProvider.System).SaveAsync(plan, Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/search");
        Assert.Contains(LongTitle, await page.Locator("select[name=theme]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await FitsAsync(page), "the search page is no wider than the phone");
        await Screens.SaveAsync(page, "search-analyst-phone");

        await page.GotoAsync(site.BaseUrl + "/articles/c1");
        Assert.Contains(LongTitle, await page.Locator("form.feedback.add select[name=theme]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("table.themes form.feedback").CountAsync());
        Assert.True(await FitsAsync(page), "the article page is no wider than the phone (its theme table scrolls in its own box)");
        await Screens.SaveAsync(page, "article-analyst-phone");
    }

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
