using System.Net;
using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>The article page and feedback: evidence marked where it matched, a rejection that lowers every count and
/// survives a re-tag, an editor kept to their own outlet.</summary>
public sealed class ArticleFeedbackTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_evidence_is_marked_in_the_title_and_the_body_with_the_theme_and_its_score()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.GotoAsync(site.BaseUrl + "/articles/c1");

        Assert.Equal(["chuyển đổi số"], await page.Locator("#title mark").AllInnerTextsAsync());
        Assert.Equal(["Chuyển đổi số"], await page.Locator("#body mark").AllInnerTextsAsync());
        Assert.Equal("3.1", await page.Locator("#title mark").GetAttributeAsync("data-themes"));
        var row = page.Locator("table.themes tr[data-theme='3.1']");
        Assert.Contains("“chuyển đổi số” (tiêu đề)", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form.feedback").CountAsync());
        Assert.Contains("Đài Kon Tum", await page.Locator("table.duplicates").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.SaveAsync(page, "article-leader");
    }

    [Fact]
    public async Task An_analysts_rejection_lowers_the_count_on_the_dashboard_and_in_the_coverage_report_and_survives_a_retag()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var coverage = new SqliteCoverageStore(site.Db, TimeProvider.System);
        int Count(CoverageReport r) => r.Cells.Where(c => c.Theme == "3.1").Sum(c => c.Articles);
        var before = Count(await coverage.CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Window), Ct));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);
        var total = page.Locator("table.matrix tr[data-theme='3.1'] td.total");
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), await total.InnerTextAsync());

        await page.GotoAsync(site.BaseUrl + "/articles/c3");
        var row = page.Locator("table.themes tr[data-theme='3.1']");
        await row.Locator("input[name=reason]").FillAsync("bài nói về dịch vụ công, không về chuyển đổi số của tỉnh");
        await row.Locator("button[value=rejected]").ClickAsync();
        await page.WaitForPageAsync("**/articles/c3?saved=3.1#feedback");

        Assert.Equal("rejected", await page.Locator("table.themes tr[data-theme='3.1']").GetAttributeAsync("class"));
        Assert.Contains("không đúng — analyst", await page.Locator("table.themes tr[data-theme='3.1'] td.decision").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.SaveAsync(page, "article-feedback-analyst");
        await page.GotoAsync(site.BaseUrl + "/");
        Assert.Equal((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await total.InnerTextAsync());
        Assert.Equal(before - 1, Count(await coverage.CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Window), Ct)));

        // A re-tag (a new plan version, every article tagged again) keeps the person's decision.
        var edited = (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct))[0].Plan;
        edited.Themes[2].Keywords.Add("dịch vụ công trực tuyến");
        var v2 = await new PlanStore(site.Db, TimeProvider.System).SaveAsync(edited, Ct);
        await new PlanRetagger(site.Db, TimeProvider.System).RetagAsync(v2, null, Ct);
        Assert.Equal(2, v2.Version);
        Assert.Equal(before - 1, Count(await coverage.CoverageAsync(v2, new CoverageQuery(CoveragePeriod.Window), Ct)));
        var decisions = await new FeedbackStore(site.Db, TimeProvider.System).ListAsync("w46", Ct);
        Assert.Equal(("c3", "3.1", Verdict.Rejected, "analyst"), (decisions.Single().ArticleId, decisions.Single().Theme, decisions.Single().Verdict, decisions.Single().User));
    }

    [Fact]
    public async Task An_added_theme_counts_until_a_later_rejection_and_the_latest_decision_wins()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var coverage = new SqliteCoverageStore(site.Db, TimeProvider.System);
        var feedback = new FeedbackStore(site.Db, TimeProvider.System);
        async Task<int> CountAsync() => (await coverage.CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Window), Ct)).Cells.Where(c => c.Theme == "2.5").Sum(c => c.Articles);
        Assert.Equal(0, await CountAsync());

        await feedback.RecordAsync("w46", "a1", "2.5", Verdict.Added, "bài có nhắc kỳ họp", "analyst", Ct);
        Assert.Equal(1, await CountAsync());
        await new PlanRetagger(site.Db, TimeProvider.System).RetagAsync(site.Plan, null, Ct);
        Assert.Equal(1, await CountAsync());
        await feedback.RecordAsync("w46", "a1", "2.5", Verdict.Rejected, null, "analyst", Ct);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task An_editor_marks_their_own_outlets_article_but_cannot_reach_another_outlets_edit_actions()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Editor);

        await page.GotoAsync(site.BaseUrl + "/articles/c1");
        Assert.Equal(1, await page.Locator("table.themes tr[data-theme='3.1'] form.feedback").CountAsync());
        await page.GotoAsync(site.BaseUrl + "/articles/c2");
        Assert.Equal(0, await page.Locator("form.feedback").CountAsync());
        await Screens.SaveAsync(page, "article-editor-other-outlet");

        // Posting by hand (with a valid token of the editor's session) is refused too.
        using var http = await site.ClientAsync(MonitorRoles.Editor, Ct);
        var token = DashboardSite.Antiforgery(await http.GetStringAsync("/articles/c1", Ct));
        using var response = await http.PostAsync("/articles/c2?handler=Feedback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["plan"] = "w46", ["theme"] = "3.1", ["verdict"] = "rejected", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await new FeedbackStore(site.Db, TimeProvider.System).ListAsync(null, Ct));
    }
}
