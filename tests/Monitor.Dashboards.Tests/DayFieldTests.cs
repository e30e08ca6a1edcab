using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Forms;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>Day fields as Vietnamese readers write days (dd/mm/yyyy), whatever the browser's language: a native date
/// field showed mm/dd/yyyy in an English Chromium, where 05/11/2024 is 11 May.</summary>
public sealed class DayFieldTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("31/12/2024", 2024, 12, 31)]
    [InlineData(" 5/11/2024 ", 2024, 11, 5)]
    [InlineData("05-11-2024", 2024, 11, 5)]
    [InlineData("05.11.2024", 2024, 11, 5)]
    [InlineData("2024-11-05", 2024, 11, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void A_day_is_read_day_first_or_as_the_iso_day_links_carry(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DayField.Parse(text, "Từ ngày"));

    [Theory]
    [InlineData("31/02/2024", "Từ ngày '31/02/2024': không có ngày này trong lịch")]
    [InlineData("29/02/2023", "Từ ngày '29/02/2023': không có ngày này trong lịch")]
    [InlineData("2024-13-01", "Từ ngày '2024-13-01': không có ngày này trong lịch")]
    [InlineData("12/2024", "Từ ngày '12/2024': không đọc được ngày, hãy viết dạng ngày/tháng/năm, ví dụ 31/12/2024")]
    [InlineData("hôm qua", "Từ ngày 'hôm qua': không đọc được ngày, hãy viết dạng ngày/tháng/năm, ví dụ 31/12/2024")]
    public void A_bad_day_is_one_vietnamese_line_naming_the_field(string text, string line) =>
        Assert.Equal(line, Assert.Throws<FormatException>(() => DayField.Parse(text, "Từ ngày")).Message);

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_overview_and_the_plan_editor_show_and_take_days_as_dd_mm_yyyy_in_an_english_browser()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", JavaScriptEnabled = false });
        await site.LoginAsync(page, MonitorRoles.Analyst);

        // Typed as a Vietnamese reader writes it, sent without script, shown back the same way.
        var asof = page.Locator("form.filters input[name=asof]");
        Assert.Equal("dd/mm/yyyy", await asof.GetAttributeAsync("placeholder"));
        await asof.FillAsync("05/11/2024");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**asof=*");
        Assert.Contains("Số liệu tính đến hết ngày 05/11/2024.", await page.Locator("p.sub").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("05/11/2024", await page.Locator("form.filters input[name=asof]").InputValueAsync());
        // Links keep the ISO day: the week tile's list opens as before.
        Assert.Contains("asof=2024-11-05", await page.Locator("#tile-week").GetAttributeAsync("href"), StringComparison.Ordinal);

        var bad = await page.GotoAsync(site.BaseUrl + "/?asof=" + Uri.EscapeDataString("31/02/2024"));
        Assert.Equal(400, bad!.Status);
        Assert.Equal("Tính đến ngày '31/02/2024': không có ngày này trong lịch", await page.Locator("p.alert").InnerTextAsync());

        // The editor shows a theme's window day first, and a day typed so is saved as the plan's day.
        await page.GotoAsync(site.BaseUrl + "/plans/w46/edit");
        var theme = page.Locator("fieldset.theme[data-row='0']");
        Assert.Equal("11/11/2024", await theme.Locator("input[name$='.From']").InputValueAsync());
        Assert.Equal("24/11/2024", await theme.Locator("input[name$='.To']").InputValueAsync());
        await theme.Locator("input[name$='.To']").FillAsync("25/11/2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/retag?saved=2");
        var saved = (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct)).Single().Plan.Themes[0];
        Assert.Equal((new DateOnly(2024, 11, 11), new DateOnly(2024, 11, 25)), (saved.Window.From!.Value, saved.Window.To!.Value));
    }
}
