using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Monitor.Core.Articles;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Articles;

namespace Monitor.Dashboards.Tests;

/// <summary>Tìm kiếm in Chromium: accents optional, the words marked, crawled markup shown as text, the filters, the
/// pages of results and their download.</summary>
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<string[]> IdsAsync(IPage page) =>
        await page.Locator("ol.results > li").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)");

    [Fact]
    public async Task A_search_without_diacritics_finds_the_same_articles_as_with_them_and_marks_the_words()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Editor);

        await page.Locator("header nav a", new() { HasText = "Tìm kiếm" }).ClickAsync();
        await page.FillAsync("input[name=q]", "chuyển đổi số");
        await page.ClickAsync("form.search button[type=submit]");
        await page.WaitForPageAsync("**/search?**");
        var accented = await IdsAsync(page);
        await page.FillAsync("input[name=q]", "CHUYEN DOI SO");
        await page.ClickAsync("form.search button[type=submit]");
        await page.WaitForPageAsync("**q=CHUYEN*");
        var plain = await IdsAsync(page);

        Assert.Equal(["c3", "c2", "c1"], accented);
        Assert.Equal(accented, plain);
        Assert.Equal("3 bài khớp.", await page.Locator("#count").InnerTextAsync());
        Assert.Equal(["chuyển đổi số"], await page.Locator("li[data-article='c1'] a.title mark").AllInnerTextsAsync());
        Assert.Equal("Tỉnh đẩy mạnh chuyển đổi số", await page.Locator("li[data-article='c1'] a.title").InnerTextAsync());
        Assert.StartsWith("Báo Kon Tum · 13/11/2024", await page.Locator("li[data-article='c1'] .meta").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Chuyển đổi số"], await page.Locator("li[data-article='c1'] .snippet mark").AllInnerTextsAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await Screens.SaveAsync(page, "search-editor-phone");
    }

    [Fact]
    public async Task A_found_title_that_is_a_script_is_shown_as_text_with_the_word_marked_and_never_runs()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/search?q=" + Uri.EscapeDataString("ngo doc"));

        Assert.Equal(["x1", "a1"], await IdsAsync(page));
        Assert.Equal(DashboardSite.HostileTitle, await page.Locator("li[data-article='x1'] a.title").InnerTextAsync());
        Assert.Equal(["Ngộ độc"], await page.Locator("li[data-article='x1'] a.title mark").AllInnerTextsAsync());
        Assert.Contains("<b onmouseover=", await page.Locator("li[data-article='x1'] .snippet").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("li[data-article='x1'] .snippet").HoverAsync();
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        await Screens.SaveAsync(page, "search-hostile");
    }

    [Fact]
    public async Task The_filters_narrow_by_outlet_day_and_theme()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.GotoAsync(site.BaseUrl + "/search?q=kon+tum");
        Assert.Equal(["c2", "c1"], await IdsAsync(page));
        await page.SelectOptionAsync("select[name=outlet]", "Đài Kon Tum");
        await page.ClickAsync("form.search button[type=submit]");
        await page.WaitForPageAsync("**outlet=*");
        Assert.Equal(["c2"], await IdsAsync(page));

        await page.GotoAsync(site.BaseUrl + "/search?q=chuyen+doi+so&from=2024-11-13&to=2024-11-14");
        Assert.Equal(["c2", "c1"], await IdsAsync(page));
        await page.GotoAsync(site.BaseUrl + "/search?q=ngo+doc&theme=1.2&to=2024-11-18");
        Assert.Equal(["a1"], await IdsAsync(page));
        // A day is typed day first, as the pages write it (DayFieldTests); one that cannot be read names its field.
        await page.GotoAsync(site.BaseUrl + "/search?q=chuyen+doi+so&from=13%2F11%2F2024&to=14-11-2024");
        Assert.Equal(["c2", "c1"], await IdsAsync(page));
        var bad = await page.GotoAsync(site.BaseUrl + "/search?q=ngo+doc&from=11-2024");
        Assert.Equal(400, bad!.Status);
        Assert.Equal("Từ ngày '11-2024': không đọc được ngày, hãy viết dạng ngày/tháng/năm, ví dụ 31/12/2024", await page.Locator("p.alert").InnerTextAsync());
    }

    [Fact]
    public async Task Results_come_twenty_a_page_and_the_download_holds_them_all()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await using (var connection = await site.Db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            for (var i = 1; i <= 25; i++)
            {
                await ArticleWriter.UpsertAsync(connection, tx, new Article
                {
                    Id = $"t{i:00}", Url = $"http://x.vn/t{i}", CanonicalUrl = $"http://x.vn/t{i}", Outlet = "Báo Kon Tum", Title = $"Dự báo thời tiết số {i}",
                    Text = "Trời nắng.", Published = new DateTimeOffset(2024, 11, 1, 6, i, 0, TimeSpan.FromHours(7)), ContentHash = "t" + i,
                }, DateTimeOffset.UnixEpoch, Ct);
            }

            await tx.CommitAsync(Ct);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);
        await page.GotoAsync(site.BaseUrl + "/search?q=thoi+tiet");

        Assert.Equal("25 bài khớp, hiện 1–20.", await page.Locator("#count").InnerTextAsync());
        var first = await IdsAsync(page);
        Assert.Equal(20, first.Length);
        Assert.Equal("t25", first[0]);
        var csv = Downloads.Csv(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='results'] a", new() { HasText = "CSV" })));
        await page.ClickAsync("nav.pager a:has-text('Sau')");
        await page.WaitForPageAsync("**offset=20*");
        var second = await IdsAsync(page);

        Assert.Equal(["t05", "t04", "t03", "t02", "t01"], second);
        Assert.Equal("25 bài khớp, hiện 21–25.", await page.Locator("#count").InnerTextAsync());
        Assert.Equal(["Ngày", "Cơ quan báo chí", "Chuyên mục", "Tiêu đề", "Chủ đề", "Địa chỉ"], csv[0]);
        Assert.Equal(first.Concat(second).Select(id => $"Dự báo thời tiết số {int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)}"), csv.Skip(1).Select(r => r[3]));
        Assert.All(csv.Skip(1), r => Assert.Equal("2024-11-01", r[0]));
    }
}
