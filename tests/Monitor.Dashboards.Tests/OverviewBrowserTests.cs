using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>The overview in Debian's Chromium (Playwright): what each role sees, the heat map drawn from the store's
/// numbers, a click on a number opening exactly the articles it counted, crawled markup shown as text.</summary>
public sealed class OverviewBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_analyst_reads_the_heat_map_from_the_stores_numbers_and_a_cell_opens_exactly_its_articles()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var report = await new SqliteCoverageStore(site.Db, TimeProvider.System).CoverageAsync(site.Plan, new CoverageQuery(), Ct);
        var expected = report.Cells.GroupBy(c => (c.Theme, c.Period)).Select(g => $"{g.Key.Theme}|{g.Key.Period}|{g.Sum(c => c.Articles)}").Order(StringComparer.Ordinal).ToList();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text + " " + m.Location); } };

        await site.LoginAsync(page, MonitorRoles.Analyst);
        await page.Locator("#heatmap[data-ready=true]").WaitForAsync();

        // The chart's own data, read back from ECharts: theme, week and count per cell.
        var drawn = await page.EvaluateAsync<string[]>("""
            () => { const o = echarts.getInstanceByDom(document.getElementById('heatmap')).getOption();
                    return o.series[0].data.map(d => d.theme + '|' + d.period + '|' + d.value[2]); }
            """);
        Assert.Equal(expected, drawn.Order(StringComparer.Ordinal));
        Assert.Empty(errors);
        await Screens.SaveAsync(page, "overview-analyst");

        // A click on the heat map's 3.1 cell of week 46 opens the list of exactly those articles.
        var cell = report.Cells.Where(c => c.Theme == "3.1" && c.Period == "2024-W46").Sum(c => c.Articles);
        var point = await page.EvaluateAsync<double[]>("""
            () => { const c = echarts.getInstanceByDom(document.getElementById('heatmap'));
                    const o = c.getOption(); const i = o.series[0].data.findIndex(d => d.theme === '3.1' && d.period === '2024-W46');
                    return c.convertToPixel({ seriesIndex: 0 }, o.series[0].data[i].value.slice(0, 2)); }
            """);
        var box = (await page.Locator("#heatmap").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));
        await page.WaitForPageAsync("**/plans/w46/articles?**");
        Assert.Contains("bucket=2024-W46", page.Url, StringComparison.Ordinal);
        Assert.Equal(cell, await page.Locator("ol.articles li").CountAsync());
        var ids = await page.Locator("ol.articles li").EvaluateAllAsync<string[]>("li => li.map(e => e.dataset.article)");
        Assert.Equal(["c1", "c2", "c3"], ids.Order(StringComparer.Ordinal));
        Assert.Equal($"{cell} bài.", await page.Locator("#count").InnerTextAsync());
        Assert.StartsWith("Báo Kon Tum · 13/11/2024", await page.Locator("ol.articles li[data-article='c1'] .meta").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.SaveAsync(page, "articles-list");
    }

    [Fact]
    public async Task Every_number_of_the_matrix_opens_as_many_articles_as_it_says()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        var links = await page.Locator("table.matrix td.n a").EvaluateAllAsync<string[]>("a => a.map(e => e.textContent.trim() + ' ' + e.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var (n, href) = (int.Parse(link.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), link.Split(' ')[1]);
            await page.GotoAsync(site.BaseUrl + href);
            Assert.Equal(n, await page.Locator("ol.articles li").CountAsync());
        }
    }

    [Fact]
    public async Task An_editor_sees_coverage_and_quotas_but_no_source_or_user_page_and_reads_on_a_phone()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);

        await site.LoginAsync(page, MonitorRoles.Editor);

        Assert.Equal(["Tổng quan", "Cơ quan báo chí", "Tìm kiếm", "Kế hoạch"], await page.Locator("header nav a").AllInnerTextsAsync());
        Assert.Equal("chậm tiến độ", await page.Locator("table.quotas tr[data-quota='1'] td").Last.InnerTextAsync());
        Assert.StartsWith("chưa có bài", await page.Locator("table.matrix tr[data-theme='2.5'] td.gap").InnerTextAsync(), StringComparison.Ordinal);
        // Nothing wider than the phone but the tables' own scrolling boxes.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await Screens.SaveAsync(page, "overview-editor-phone");
        var response = await page.GotoAsync(site.BaseUrl + "/sources");
        Assert.Equal(403, response!.Status);
        Assert.Equal("Không có quyền", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(403, (await page.GotoAsync(site.BaseUrl + "/admin/users"))!.Status);
    }

    [Fact]
    public async Task A_version_the_plan_lacks_is_named_as_such_and_not_shown_as_no_plan_stored_yet()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        var response = await page.GotoAsync(site.BaseUrl + "/?version=99");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Không có kế hoạch 'w46' phiên bản 99.", await page.Locator("main p.alert").InnerTextAsync());
        Assert.DoesNotContain("Chưa có kế hoạch nào", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crawled_title_that_is_a_script_shows_as_text_and_never_runs()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/articles?theme=1.2");
        var item = page.Locator("ol.articles li[data-article='x1'] a");
        Assert.Equal(DashboardSite.HostileTitle, await item.InnerTextAsync());
        await item.ClickAsync();
        await page.Locator("#body").HoverAsync();

        Assert.Equal(DashboardSite.HostileTitle, await page.Locator("#title").InnerTextAsync());
        Assert.Contains("<b onmouseover=", await page.Locator("#body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
    }
}
