using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Plans;
using Monitor.Core.Time;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Reports.Scheduling;
using Monitor.Reports.Summary;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>Báo cáo and the deadline tile in Chromium: the archive newest week first, the latest summary as a page,
/// downloads, the results report generated from the store, a report deadline shown from 7 days before it.</summary>
[Trait("Category", "Browser")]
public sealed class ReportsBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task ArchiveAsync(DashboardSite site, params string[] weeks)
    {
        var builder = new SummaryBuilder(new SqliteCoverageStore(site.Db, TimeProvider.System), new SqliteArticleStore(site.Db), TimeProvider.System);
        foreach (var week in weeks)
        {
            await site.Services.GetRequiredService<ReportArchive>().WriteAsync((await builder.BuildAsync(site.Plan.Id, IsoWeek.Parse(week), Ct))!, Ct);
        }
    }

    [Fact]
    public async Task A_leader_reads_the_archive_newest_week_first_sees_the_latest_summary_and_downloads_a_week()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await ArchiveAsync(site, "2024-W46", "2024-W47");
        var archive = site.Services.GetRequiredService<ReportArchive>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.Locator("header nav a", new() { HasText = "Báo cáo" }).ClickAsync();
        await page.WaitForPageAsync("**/reports");

        Assert.Equal(["2024-W47", "2024-W46"], await page.Locator("table.archive tbody tr").EvaluateAllAsync<string[]>("r => r.map(e => e.dataset.week)"));
        Assert.Equal(["Tuần 47/2024", "Tuần 46/2024"], await page.Locator("table.archive tbody tr td:first-child").AllInnerTextsAsync());
        Assert.Equal("Tóm tắt tuần mới nhất: Tuần 47/2024, kế hoạch w46", await page.Locator("#summary-title").InnerTextAsync());
        Assert.Contains("47", await page.Locator(".summary h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        await Screens.SaveAsync(page, "reports-leader");

        var docx = await Downloads.ClickAsync(page, page.Locator("table.archive tr[data-week='2024-W46'] td.files a", new() { HasText = "DOCX" }));
        Assert.Equal(await File.ReadAllBytesAsync(archive.PathOf("w46", "2024-W46", "docx"), Ct), docx);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Contains("46", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var md = await Downloads.ClickAsync(page, page.Locator("table.archive tr[data-week='2024-W46'] td.files a", new() { HasText = "MD" }));
        Assert.Equal(await File.ReadAllBytesAsync(archive.PathOf("w46", "2024-W46", "md"), Ct), md);

        await page.Locator("table.archive tr[data-week='2024-W46'] td:first-child a").ClickAsync();
        await page.WaitForPageAsync("**/reports/w46/2024-W46");
        Assert.Equal("Tóm tắt tuần: Tuần 46/2024, kế hoạch w46", await page.Locator("#summary-title").InnerTextAsync());
    }

    [Fact]
    public async Task An_archived_week_downloads_when_the_data_directory_is_relative_as_the_default_dot_data_is()
    {
        // monitor serve without --data-dir reads ./.data: the archive's paths are relative, which PhysicalFile refused with a 500.
        using var data = new TempDir();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, data.Path);
        Assert.False(Path.IsPathRooted(relative));
        await using var site = await DashboardSite.StartAsync(Ct, configure: s => s.AddSingleton(new ReportArchive(relative)));
        await ArchiveAsync(site, "2024-W46");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);
        await page.GotoAsync(site.BaseUrl + "/reports");

        foreach (var format in ReportArchive.Formats)
        {
            var href = await page.Locator("table.archive tr[data-week='2024-W46'] td.files a", new() { HasText = format.ToUpperInvariant() }).GetAttributeAsync("href");
            var response = await page.Context.APIRequest.GetAsync(site.BaseUrl + href);
            Assert.Equal(200, response.Status);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(data.Path, "reports", "w46", "2024-W46." + format), Ct), await response.BodyAsync());
        }
    }

    [Fact]
    public async Task An_analyst_downloads_the_results_report_built_from_the_store_and_an_editor_may_not_open_reports()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);
        await page.GotoAsync(site.BaseUrl + "/reports");

        Assert.Equal("Chưa có bản tóm tắt tuần nào trong kho (bộ lập lịch viết mỗi sáng thứ Hai; hoặc chạy monitor summary).", await page.Locator("#archive p").InnerTextAsync());
        await page.FillAsync("#results input[name=from]", "2024-11-11");
        await page.FillAsync("#results input[name=to]", "2024-11-24");
        var docx = await Downloads.ClickAsync(page, page.Locator("#results button[type=submit]"));
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("Tỉnh đẩy mạnh chuyển đổi số", text, StringComparison.Ordinal);
        }

        using var editor = await site.ClientAsync(MonitorRoles.Editor, Ct);
        using var refused = await editor.GetAsync("/reports", Ct);
        using var refusedFile = await editor.GetAsync("/reports?handler=results&plan=w46", Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refusedFile.StatusCode);
    }

    [Fact]
    public async Task A_report_deadline_shows_on_the_overview_seven_days_before_it_and_not_eight()
    {
        var clock = new ManualTime(TimeProvider.System.GetUtcNow());
        await using var site = await DashboardSite.StartAsync(Ct, clock);
        // The new plan version is loaded after the fixture's first one, so it is the one in force.
        clock.Now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.Now).DateTime);
        var deadline = today.AddDays(8);
        var plan = (await new PlanStore(site.Db, clock).LatestAsync(Ct))[0].Plan;
        plan.Deadlines.Add(new Deadline { Date = deadline, Text = "Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông" });
        await new PlanStore(site.Db, clock).SaveAsync(plan, Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        var before = await browser.NewPageAsync();
        await site.LoginAsync(before, MonitorRoles.Leader);
        Assert.Equal(0, await before.Locator(".tile.deadline").CountAsync());
        Assert.Equal(4, await before.Locator("section.tiles .tile").CountAsync());

        clock.Now += TimeSpan.FromDays(1);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Leader);
        var tile = page.Locator(".tile.deadline");
        Assert.Equal(1, await tile.CountAsync());
        Assert.Equal("Hạn báo cáo", await tile.Locator(".label").InnerTextAsync());
        Assert.Equal(deadline.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), await tile.Locator(".value").InnerTextAsync());
        Assert.Equal("còn 7 ngày: Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông", await tile.Locator(".change").InnerTextAsync());
        await Screens.SaveAsync(page, "overview-deadline-leader-phone");
    }
}
