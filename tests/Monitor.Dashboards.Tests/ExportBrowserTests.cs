using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>The downloads of the existing pages' tables, clicked in Chromium and opened with OpenXml or read as CSV:
/// the same numbers as the store and the same cells as the page.</summary>
[Trait("Category", "Browser")]
public sealed class ExportBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_overviews_matrix_and_heat_map_download_with_the_stores_numbers_and_the_pages_cells()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var report = await new SqliteCoverageStore(site.Db, TimeProvider.System).CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Week), Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);

        var matrix = Downloads.Xlsx(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='matrix'] a", new() { HasText = "XLSX" })));
        var outlets = matrix[0].Skip(1).SkipLast(1).Cast<string>().ToList();
        Assert.Equal(report.Cells.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal), outlets);
        foreach (var row in matrix.Skip(1))
        {
            var theme = ((string)row[0]!).Split(' ')[0];
            Assert.Equal(outlets.Select(o => (double)report.Cells.Where(c => c.Theme == theme && c.Outlet == o).Sum(c => c.Articles)), row.Skip(1).SkipLast(1).Cast<double>());
            Assert.Equal((double)report.Cells.Where(c => c.Theme == theme).Sum(c => c.Articles), row[^1]);
            var shown = await page.Locator($"table.matrix tr[data-theme='{theme}'] td").AllInnerTextsAsync();
            var cells = row.Skip(1).Select(n => ((double)n!).ToString(CultureInfo.InvariantCulture)).ToList();
            if (shown.Count == 1)
            {
                // An uncovered theme: the page says so across the row, the file has zeros.
                Assert.StartsWith("chưa có bài", shown[0], StringComparison.Ordinal);
                Assert.All(cells, c => Assert.Equal("0", c));
            }
            else
            {
                Assert.Equal(shown.Select(s => s == "·" ? "0" : s), cells);
            }
        }

        await page.Locator("details summary", new() { HasText = "Bảng số liệu" }).ClickAsync();
        var heat = Downloads.Csv(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='heat'] a", new() { HasText = "CSV" })));
        var table = await Downloads.TableAsync(page.Locator("table.heat"));
        Assert.Equal(table.Select(r => r.Select(c => c == "·" ? "0" : c).ToList()), heat);
        Assert.Equal(report.Cells.Sum(c => c.Articles), heat.Skip(1).Sum(r => r.Skip(1).Sum(c => int.Parse(c, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task The_counted_articles_and_the_sources_download_as_the_page_lists_them_and_only_for_who_may_see_them()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/articles?theme=3.1");
        var titles = await page.Locator("ol.articles li > a").AllInnerTextsAsync();
        var articles = Downloads.Xlsx(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='articles'] a", new() { HasText = "XLSX" })));
        Assert.Equal(titles, articles.Skip(1).Select(r => (string)r[3]!));
        Assert.All(articles.Skip(1), r => Assert.IsType<double>(r[0]));

        await page.GotoAsync(site.BaseUrl + "/sources");
        var sources = Downloads.Csv(await Downloads.ClickAsync(page, page.Locator(".downloads[data-table='sources'] a", new() { HasText = "CSV" })));
        var shown = await Downloads.TableAsync(page.Locator("table.sources"));
        Assert.Equal(shown.Skip(1).Select(r => (r[0], r[1])), sources.Skip(1).Select(r => (r[0], r[1])));
        // The page writes a rate the Vietnamese way ("5,1"), the CSV for machines ("5.1").
        Assert.Equal(shown.Skip(1).Select(r => r[5]), sources.Skip(1).Select(r => double.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))));
        Assert.Equal("hôm nay", sources[0][^1]);
        await Screens.SaveAsync(page, "sources-analyst");

        using var editor = await site.ClientAsync(MonitorRoles.Editor, Ct);
        using var refused = await editor.GetAsync("/sources?handler=export&table=sources&format=csv", Ct);
        using var unknown = await editor.GetAsync("/?handler=export&table=khong-co&format=csv", Ct);
        using var own = await editor.GetAsync("/?handler=export&table=quotas&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", own.Content.Headers.ContentType!.MediaType);
    }
}
