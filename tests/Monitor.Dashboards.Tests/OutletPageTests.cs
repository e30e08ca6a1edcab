using System.Globalization;
using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>Cơ quan báo chí in Chromium: an editor lands on their own outlet and cannot open another's; the quotas per
/// period with what counted, the themes not covered, the recent articles; the tables' downloads equal the page.</summary>
[Trait("Category", "Browser")]
public sealed class OutletPageTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_editor_lands_on_their_outlet_with_its_quota_per_week_what_counted_and_the_theme_it_has_not_covered()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var asOf = new DateOnly(2024, 11, 24);
        var quota = (await new SqliteCoverageStore(site.Db, TimeProvider.System).QuotasAsync(site.Plan, asOf, QuotaDetail.Articles, Ct)).Single(q => q.Outlet == "Báo Kon Tum");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Editor);

        await page.Locator("header nav a", new() { HasText = "Cơ quan báo chí" }).ClickAsync();
        await page.WaitForPageAsync("**/outlets");
        Assert.Equal("Cơ quan báo chí: Báo Kon Tum", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(site.BaseUrl + "/outlets?asof=2024-11-24");

        // The quota as the store counts it, with its two weeks and the articles each counted.
        var row = page.Locator("table.quotas tr[data-quota='1'] td");
        Assert.Equal([quota.Required.ToString(CultureInfo.InvariantCulture), quota.Delivered.ToString(CultureInfo.InvariantCulture), quota.Remaining.ToString(CultureInfo.InvariantCulture)],
            [await row.Nth(4).InnerTextAsync(), await row.Nth(5).InnerTextAsync(), await row.Nth(6).InnerTextAsync()]);
        var weeks = page.Locator("ul.periods[data-quota='1'] > li");
        Assert.Equal(2, await weeks.CountAsync());
        Assert.StartsWith("Tuần 46/2024 (11/11–17/11)", await weeks.Nth(0).Locator(".period").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["a1"], await weeks.Nth(0).Locator("ul.counted li").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)"));
        Assert.Equal(["x1"], await weeks.Nth(1).Locator("ul.counted li").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)"));
        Assert.Equal(quota.ArticleIds!.Order(StringComparer.Ordinal), (await page.Locator("ul.periods ul.counted li").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)")).Order(StringComparer.Ordinal));
        Assert.Equal("1/2", await weeks.Nth(0).Locator(".count").InnerTextAsync());
        Assert.Equal("12/11/2024", await weeks.Nth(0).Locator("ul.counted li .meta").InnerTextAsync());

        // Theme 2.5 is the plan's for Báo Kon Tum and has no article of it; 1.2 and 3.1 have.
        Assert.Equal(["2.5"], await page.Locator("table.uncovered tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.theme)"));
        Assert.Equal("có", await page.Locator("table.uncovered tr[data-theme='2.5'] td").Nth(2).InnerTextAsync());
        Assert.Equal(["1.2", "3.1"], await page.Locator("table.covered tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.theme)"));

        // Recent articles, newest first, with the themes they counted for.
        var recent = await Downloads.TableAsync(page.Locator("table.recent"));
        Assert.Equal(["x1", "c1", "a1"], await page.Locator("table.recent tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.article)"));
        // Days as the pages write them everywhere else (they were the store's keys, 2024-11-19).
        Assert.Equal(["19/11/2024", DashboardSite.HostileTitle, "", "1.2"], recent[1]);
        Assert.Equal("3.1", recent[2][3]);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        await Screens.SaveAsync(page, "outlet-editor-phone");

        // A click on a counted article opens it.
        await weeks.Nth(0).Locator("ul.counted a").ClickAsync();
        await page.WaitForPageAsync("**/articles/a1");
    }

    [Fact]
    public async Task An_editor_cannot_open_another_outlets_page_or_its_downloads()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Editor);

        Assert.Equal(0, await page.Locator("nav.outlets").CountAsync());
        var response = await page.GotoAsync(site.BaseUrl + "/outlets/" + Uri.EscapeDataString("Đài Kon Tum"));
        Assert.Equal(403, response!.Status);
        Assert.Equal("Không có quyền", await page.Locator("h1").InnerTextAsync());
        using var http = await site.ClientAsync(MonitorRoles.Editor, Ct);
        using var file = await http.GetAsync("/outlets/" + Uri.EscapeDataString("Đài Kon Tum") + "?handler=export&table=recent&format=csv", Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, file.StatusCode);
        using var own = await http.GetAsync("/outlets/" + Uri.EscapeDataString("Báo Kon Tum") + "?handler=export&table=recent&format=csv", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData(MonitorRoles.Analyst)]
    [InlineData(MonitorRoles.Leader)]
    public async Task Analysts_and_leaders_pick_any_outlet(string role)
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, role);

        await page.GotoAsync(site.BaseUrl + "/outlets?plan=w46&asof=2024-11-24");
        Assert.Equal(["Báo Kon Tum", DashboardSite.PausedOutlet, "Đài Kon Tum"], await page.Locator("nav.outlets a").AllInnerTextsAsync());
        await page.Locator("nav.outlets a", new() { HasText = "Đài Kon Tum" }).ClickAsync();
        await page.WaitForPageAsync("**/outlets/*");

        Assert.Equal("Cơ quan báo chí: Đài Kon Tum", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(["c3", "c2"], await page.Locator("table.recent tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.article)"));
        Assert.Equal(["1.2", "2.5"], await page.Locator("table.uncovered tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.theme)"));
        Assert.Equal("Kế hoạch không đặt chỉ tiêu cho cơ quan này.", await page.Locator("#quotas p").InnerTextAsync());
        await Screens.SaveAsync(page, "outlet-" + role);
    }

    [Fact]
    public async Task The_quota_and_recent_tables_download_as_xlsx_and_csv_equal_to_the_page_and_the_store()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var asOf = new DateOnly(2024, 11, 24);
        var quota = (await new SqliteCoverageStore(site.Db, TimeProvider.System).QuotasAsync(site.Plan, asOf, QuotaDetail.Articles, Ct)).Single(q => q.Outlet == "Báo Kon Tum");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);
        await page.GotoAsync(site.BaseUrl + "/outlets/" + Uri.EscapeDataString("Báo Kon Tum") + "?asof=2024-11-24");

        var xlsx = Downloads.Xlsx(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='quotas'] a", new() { HasText = "XLSX" })));
        var shown = await Downloads.TableAsync(page.Locator("table.quotas"));
        Assert.Equal(new object?[] { "Chỉ tiêu", "Chủ đề", "Định mức", "Phải có", "Đã có", "Còn thiếu", "Tình trạng" }, xlsx[0]);
        Assert.Equal(new object?[] { quota.Text, "1.2", "2 tin, bài/tuần", (double)quota.Required, (double)quota.Delivered, (double)quota.Remaining, shown[1][7] }, xlsx[1]);
        // The page's columns without its progress bar.
        Assert.Equal(shown[1].Where((_, i) => i != 3).ToList(), xlsx[1].Select(c => c is double d ? d.ToString(CultureInfo.InvariantCulture) : (string)c!).ToList());

        var csv = Downloads.Csv(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='recent'] a", new() { HasText = "CSV" })));
        var recent = await Downloads.TableAsync(page.Locator("table.recent"));
        Assert.Equal(["Ngày", "Tiêu đề", "Chuyên mục", "Chủ đề được tính", "Địa chỉ"], csv[0]);
        // The page writes days as everywhere else (19/11/2024); the CSV keeps the sortable 2024-11-19.
        Assert.Equal(recent.Skip(1).Select(r => r.ToList()),
            csv.Skip(1).Select(r => r.Take(4).Select((c, i) => i == 0 ? DateOnly.ParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : c).ToList()));
        Assert.Equal("http://x.vn/x1", csv[1][4]);

        var recentXlsx = Downloads.Xlsx(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='recent'] a", new() { HasText = "XLSX" })));
        Assert.Equal(new DateTime(2024, 11, 19).ToOADate(), recentXlsx[1][0]);
        Assert.Equal(DashboardSite.HostileTitle, recentXlsx[1][1]);
    }
}
