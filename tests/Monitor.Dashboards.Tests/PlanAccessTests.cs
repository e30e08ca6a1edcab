using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Plans;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>Who may do what on the Kế hoạch pages: leaders and editors read plans and history but cannot upload,
/// edit, save or re-tag, not even by a hand-made POST with a valid token of their own session.</summary>
public sealed class PlanAccessTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(MonitorRoles.Editor)]
    [InlineData(MonitorRoles.Leader)]
    public async Task A_reader_sees_plans_and_history_but_no_edit_action_and_is_refused_every_edit_by_hand(string role)
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(role, Ct);
        var token = DashboardSite.Antiforgery(await http.GetStringAsync("/plans", Ct));
        Assert.NotEmpty(token);

        using var list = await http.GetAsync("/plans", Ct);
        using var history = await http.GetAsync("/plans/w46/history", Ct);
        using var edit = await http.GetAsync("/plans/w46/edit", Ct);
        using var retagPage = await http.GetAsync("/plans/w46/retag", Ct);
        using var progress = await http.GetAsync("/api/plans/w46/retag", Ct);
        using var save = await http.PostAsync("/plans/w46/edit?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.BaseVersion"] = "1", ["Form.Themes[0].Base"] = "0", ["Form.Themes[0].Code"] = "9.9", ["Form.Themes[0].Title"] = "Chủ đề lạ",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        using var upload = await http.PostAsync("/plans?handler=Upload", Multipart(token, "lenh.txt", "1. Chủ đề: nội dung.\n"u8.ToArray()), Ct);
        using var retag = await http.PostAsync("/plans/w46/retag", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retagPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retag.StatusCode);
        Assert.Single(await new PlanStore(site.Db, TimeProvider.System).VersionsAsync("w46", Ct));
        Assert.Empty(await new PlanDraftStore(site.Db, TimeProvider.System).OpenAsync(Ct));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task A_leader_reads_the_plans_page_without_upload_or_edit_actions_and_the_editor_answers_no_permission()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.Locator("nav a", new() { HasText = "Kế hoạch" }).ClickAsync();
        var row = page.Locator("table.plans tr[data-plan='w46']");
        Assert.Equal(["Tổng quan", "Lịch sử", "Cần xem xét"], await row.Locator("td.actions a").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("form.upload").CountAsync());
        await Screens.SaveAsync(page, "plans-list-leader");
        await page.GotoAsync(site.BaseUrl + "/plans/w46/edit");
        Assert.Equal("Không có quyền", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_edit_posted_without_its_antiforgery_token_is_refused_even_for_an_analyst()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);

        using var save = await http.PostAsync("/plans/w46/edit?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.BaseVersion"] = "1", ["Form.Themes[0].Base"] = "0", ["Form.Themes[0].Code"] = "9.9", ["Form.Themes[0].Title"] = "Chủ đề lạ",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Single(await new PlanStore(site.Db, TimeProvider.System).VersionsAsync("w46", Ct));
    }

    [Fact]
    public async Task An_upload_over_the_limit_sent_without_the_browser_is_refused_by_the_server_in_one_line()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        var token = DashboardSite.Antiforgery(await http.GetStringAsync("/plans", Ct));
        var big = new byte[(int)DirectiveUpload.MaxBytes + (1024 * 1024)];
        Array.Fill(big, (byte)'a');

        using var response = await http.PostAsync("/plans?handler=Upload", Multipart(token, "lon.txt", big), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp 'lon.txt' nặng 21 MiB, quá giới hạn 20 MiB của một văn bản chỉ đạo.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(await new PlanDraftStore(site.Db, TimeProvider.System).OpenAsync(Ct));
    }

    [Fact]
    public async Task The_retag_progress_is_typed_json_that_ends_with_every_article_of_the_windows_done()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Admin, Ct);
        var token = DashboardSite.Antiforgery(await http.GetStringAsync("/plans/w46/retag", Ct));

        using var start = await http.PostAsync("/plans/w46/retag", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        JsonElement status = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            status = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/retag", Ct)).RootElement.Clone();
            return status.GetProperty("state").GetString() != "running";
        }, TimeSpan.FromSeconds(30)));

        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Number, status.GetProperty("total").ValueKind);
        Assert.Equal(5, status.GetProperty("total").GetInt64());
        Assert.Equal(5, status.GetProperty("done").GetInt64());
        Assert.Equal(1, status.GetProperty("version").GetInt32());
        Assert.StartsWith("Đã gắn lại 5 bài", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Multipart(string token, string name, byte[] bytes)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(bytes), "file", name);
        return content;
    }
}
