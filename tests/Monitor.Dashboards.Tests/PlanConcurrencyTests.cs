using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Core.Plans;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>Two analysts editing one plan version: the later save is refused with who saved which version when, the
/// typed input kept and the diff one click away; saving over the newer version is a choice the analyst makes. In
/// Chromium with two sessions, and by hand-made POSTs (including two at once: exactly one wins).</summary>
public sealed class PlanConcurrencyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string TypedTitle = "Phòng, chống ngộ độc thực phẩm dịp lễ hội";

    [Fact]
    [Trait("Category", "Browser")]
    public async Task The_later_of_two_analysts_is_told_who_saved_which_version_when_keeps_their_input_sees_the_diff_and_may_save_over_it()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await site.Services.GetRequiredService<AccountService>().SaveAsync("analyst-b", MonitorRoles.Analyst, DashboardSite.Password, [], Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var first = await browser.NewContextAsync();
        await using var second = await browser.NewContextAsync();
        var a = await first.NewPageAsync();
        var b = await second.NewPageAsync();
        await site.LoginAsync(a, MonitorRoles.Analyst);
        await site.LoginAsync(b, "analyst-b");
        await a.GotoAsync(site.BaseUrl + "/plans/w46/edit");
        await b.GotoAsync(site.BaseUrl + "/plans/w46/edit");

        // B saves first: one more keyword for 2.5.
        var keywords = b.Locator("fieldset.theme[data-code='2.5'] textarea[name$='.Keywords']");
        await keywords.FillAsync(await keywords.InputValueAsync() + "\nkỳ họp thứ tám");
        await b.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await b.WaitForPageAsync("**/plans/w46/retag?saved=2");

        // A, still on v1, retitles 1.2 and saves: refused, told of B's v2, the title as typed.
        await a.Locator("fieldset.theme[data-code='1.2'] input[name$='.Title']").FillAsync(TypedTitle);
        await a.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        var overtaken = a.Locator("#overtaken");
        await overtaken.WaitForAsync();
        var store = new PlanStore(site.Db, TimeProvider.System);
        var v2 = (await store.VersionsAsync("w46", Ct))[^1];
        Assert.Equal((2, "analyst-b"), (v2.Version, v2.SavedBy));
        var when = v2.LoadedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Chưa lưu: bạn sửa từ phiên bản v1, nhưng trong lúc đó đã có phiên bản mới hơn: v2 do analyst-b lưu lúc {when}. Nội dung bạn nhập vẫn giữ nguyên bên dưới.",
            await overtaken.Locator("p").First.InnerTextAsync());
        Assert.Equal(TypedTitle, await a.Locator("fieldset.theme[data-code='1.2'] input[name$='.Title']").InputValueAsync());
        Assert.Equal(2, (await store.VersionsAsync("w46", Ct)).Count);
        await Screens.SaveAsync(a, "plans-edit-overtaken");

        // The diff between the version A started from and B's, in a new tab: A's form stays.
        var diff = await a.RunAndWaitForPopupAsync(() => a.Locator("#overtaken-diff").ClickAsync());
        await diff.Locator("#diff").WaitForAsync();
        Assert.Equal("Thay đổi từ v1 đến v2", await diff.Locator("#diff h2").InnerTextAsync());
        Assert.Equal(["Từ khóa: thêm kỳ họp thứ tám"], await diff.Locator("#diff .theme-change[data-theme='2.5'] li").AllInnerTextsAsync());
        Assert.Equal("analyst-b", await diff.Locator("table.versions tr[data-version='2'] td.saved-by").InnerTextAsync());

        // Having read it, A saves over v2 on purpose: v3 is A's form (B's keyword is not in it, which the diff showed).
        await a.Locator("#overwrite").ClickAsync();
        await a.WaitForPageAsync("**/plans/w46/retag?saved=3");
        var v3 = (await store.VersionsAsync("w46", Ct))[^1];
        Assert.Equal((3, "analyst"), (v3.Version, v3.SavedBy));
        Assert.Equal(TypedTitle, v3.Plan.Themes.Single(t => t.Code == "1.2").Title);
        Assert.DoesNotContain("kỳ họp thứ tám", v3.Plan.Themes.Single(t => t.Code == "2.5").Keywords);
    }

    [Fact]
    public async Task Hand_made_saves_are_refused_when_overtaken_or_without_a_base_and_of_two_at_once_exactly_one_wins()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var store = new PlanStore(site.Db, TimeProvider.System);
        using var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        using var admin = await site.ClientAsync(MonitorRoles.Admin, Ct);
        var (analystToken, adminToken) = (await TokenAsync(analyst), await TokenAsync(admin));

        using (var saved = await SaveAsync(analyst, analystToken, Fields(site.Plan.Plan, 1, "Tiêu đề của chuyên viên")))
        {
            Assert.Equal((HttpStatusCode.Redirect, "/plans/w46/retag?saved=2"), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        }

        var v2 = (await store.VersionsAsync("w46", Ct))[^1];
        using (var overtaken = await SaveAsync(admin, adminToken, Fields(site.Plan.Plan, 1, "Tiêu đề của quản trị")))
        {
            Assert.Equal(HttpStatusCode.Conflict, overtaken.StatusCode);
            var html = WebUtility.HtmlDecode(await overtaken.Content.ReadAsStringAsync(Ct));
            Assert.Contains($"v2 do analyst lưu lúc {v2.LoadedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Tiêu đề của quản trị\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/plans/w46/history?from=1&to=2\"", html, StringComparison.Ordinal);
        }

        // The same content as the newest version is no conflict: nothing to add.
        using (var same = await SaveAsync(admin, adminToken, Fields(site.Plan.Plan, 1, "Tiêu đề của chuyên viên")))
        {
            Assert.Equal("/plans/w46/retag?saved=2&unchanged=true", same.Headers.Location!.OriginalString);
        }

        var missing = Fields(site.Plan.Plan, 1, "x");
        missing.Remove("Form.BaseVersion");
        using (var noBase = await SaveAsync(admin, adminToken, missing))
        using (var unknown = await SaveAsync(admin, adminToken, Fields(site.Plan.Plan, 99, "x")))
        {
            Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noBase.StatusCode, unknown.StatusCode));
            Assert.Equal("Form.BaseVersion: thiếu phiên bản mà bản sửa kế hoạch w46 dựa trên; mở lại trang sửa rồi lưu.", await noBase.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Form.BaseVersion: kế hoạch w46 không có phiên bản v99.", await unknown.Content.ReadAsStringAsync(Ct));
        }

        // Saving over the newer version is an explicit choice (the button sends it).
        var over = Fields(site.Plan.Plan, 1, "Tiêu đề của quản trị");
        over["Form.Overwrite"] = "2";
        using (var chosen = await SaveAsync(admin, adminToken, over))
        {
            Assert.Equal("/plans/w46/retag?saved=3", chosen.Headers.Location!.OriginalString);
        }

        // Two saves based on v3 at the same moment, in two sessions: one stores v4, the other is told of it.
        var answers = await Task.WhenAll(
            SaveAsync(analyst, analystToken, Fields(site.Plan.Plan, 3, "Bản A")),
            SaveAsync(admin, adminToken, Fields(site.Plan.Plan, 3, "Bản B")));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        var versions = await store.VersionsAsync("w46", Ct);
        Assert.Equal([1, 2, 3, 4], versions.Select(v => v.Version));
        Assert.Equal([null, "analyst", "admin"], versions.Take(3).Select(v => v.SavedBy));
    }

    [Fact]
    public async Task Two_analysts_saving_drafts_of_one_new_plan_the_later_is_told_who_saved_it_first_and_of_two_at_once_exactly_one_wins()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var store = new PlanStore(site.Db, TimeProvider.System);
        var drafts = new PlanDraftStore(site.Db, TimeProvider.System);
        using var analyst = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        using var admin = await site.ClientAsync(MonitorRoles.Admin, Ct);

        // Both upload a directive for the same new plan and open their draft before either saves: the plan has no version yet.
        var mine = await drafts.AddAsync("moi", "a.txt", "Văn bản A", Proposal("moi"), "analyst", Ct);
        var theirs = await drafts.AddAsync("moi", "b.txt", "Văn bản B", Proposal("moi"), "admin", Ct);
        var (analystPage, adminPage) = (await analyst.GetStringAsync($"/plans/moi/edit?draft={mine.Id}", Ct), await admin.GetStringAsync($"/plans/moi/edit?draft={theirs.Id}", Ct));
        Assert.Equal(("0", "moi"), (Hidden(analystPage, "Form.BaseVersion"), Hidden(analystPage, "Form.BasePlan")));

        using (var first = await SaveDraftAsync(analyst, DashboardSite.Antiforgery(analystPage), DraftFields("moi", mine.Id, analystPage, "Bản của chuyên viên")))
        {
            Assert.Equal((HttpStatusCode.Redirect, "/plans/moi/retag?saved=1"), (first.StatusCode, first.Headers.Location!.OriginalString));
        }

        // The admin's first save is refused: told who saved v1 when, the typed title kept, the plan's versions a click away.
        var v1 = (await store.VersionsAsync("moi", Ct))[^1];
        var adminToken = DashboardSite.Antiforgery(adminPage);
        using (var later = await SaveDraftAsync(admin, adminToken, DraftFields("moi", theirs.Id, adminPage, "Bản của quản trị")))
        {
            Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
            var html = WebUtility.HtmlDecode(await later.Content.ReadAsStringAsync(Ct));
            var when = v1.LoadedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
            Assert.Contains($"Chưa lưu: kế hoạch moi đã có phiên bản mà bản nháp này chưa biết: v1 do analyst lưu lúc {when}. Nội dung bạn nhập vẫn giữ nguyên bên dưới.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Bản của quản trị\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/plans/moi/history\"", html, StringComparison.Ordinal);
            Assert.Contains("Vẫn lưu nội dung của tôi thành phiên bản v2", html, StringComparison.Ordinal);
        }

        Assert.Equal([1], (await store.VersionsAsync("moi", Ct)).Select(v => v.Version));
        Assert.Null((await drafts.GetAsync(theirs.Id, Ct))!.SavedVersion);
        // Having been told, the admin saves over v1 on purpose.
        var over = DraftFields("moi", theirs.Id, adminPage, "Bản của quản trị");
        over["Form.Overwrite"] = "1";
        using (var chosen = await SaveDraftAsync(admin, adminToken, over))
        {
            Assert.Equal("/plans/moi/retag?saved=2", chosen.Headers.Location!.OriginalString);
        }

        // A draft whose plan id is retyped to an existing plan's was never shown that plan's versions: refused, with them.
        var retyped = DraftFields("moi", mine.Id, analystPage, "Bản khác");
        retyped["Form.PlanId"] = "w46";
        using (var other = await SaveDraftAsync(analyst, DashboardSite.Antiforgery(analystPage), retyped))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
            Assert.Contains("Chưa lưu: kế hoạch w46 đã có phiên bản mà bản nháp này chưa biết: v1 do lệnh nạp kế hoạch lưu lúc", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        // Two drafts of another new plan saved at the same moment, in two sessions: one stores v1, the other is told of it.
        var a = await drafts.AddAsync("moi-2", "a.txt", "Văn bản A", Proposal("moi-2"), "analyst", Ct);
        var b = await drafts.AddAsync("moi-2", "b.txt", "Văn bản B", Proposal("moi-2"), "admin", Ct);
        var (pageA, pageB) = (await analyst.GetStringAsync($"/plans/moi-2/edit?draft={a.Id}", Ct), await admin.GetStringAsync($"/plans/moi-2/edit?draft={b.Id}", Ct));
        var answers = await Task.WhenAll(
            SaveDraftAsync(analyst, DashboardSite.Antiforgery(pageA), DraftFields("moi-2", a.Id, pageA, "Bản A")),
            SaveDraftAsync(admin, DashboardSite.Antiforgery(pageB), DraftFields("moi-2", b.Id, pageB, "Bản B")));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        Assert.Equal([1], (await store.VersionsAsync("moi-2", Ct)).Select(v => v.Version));
    }

    // An importer's proposal for a new plan: one theme, as an upload would store it in its draft.
    private static Plan Proposal(string id) => new()
    {
        Id = id,
        Directive = new Directive { Title = "Kế hoạch tuyên truyền phòng cháy chữa cháy" },
        Themes = [new Theme { Code = "1", Title = "Phòng cháy chữa cháy mùa khô", Keywords = ["phòng cháy chữa cháy"] }],
    };

    private static string Hidden(string html, string name) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    // The editor's fields of a draft as its page posts them (the hidden base read from the page), its title as typed.
    private static Dictionary<string, string> DraftFields(string id, long draft, string page, string title) => new()
    {
        ["Form.Draft"] = draft.ToString(CultureInfo.InvariantCulture), ["Form.BaseVersion"] = Hidden(page, "Form.BaseVersion"), ["Form.BasePlan"] = Hidden(page, "Form.BasePlan"),
        ["Form.PlanId"] = id, ["Form.Title"] = title,
        ["Form.Themes[0].Base"] = "0", ["Form.Themes[0].Code"] = "1", ["Form.Themes[0].Title"] = "Phòng cháy chữa cháy mùa khô", ["Form.Themes[0].Keywords"] = "phòng cháy chữa cháy",
    };

    private static Task<HttpResponseMessage> SaveDraftAsync(HttpClient http, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return http.PostAsync($"/plans/{Uri.EscapeDataString(fields["Form.PlanId"])}/edit?handler=Save", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<string> TokenAsync(HttpClient http) => DashboardSite.Antiforgery(await http.GetStringAsync("/plans/w46/edit", Ct));

    private static Task<HttpResponseMessage> SaveAsync(HttpClient http, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return http.PostAsync("/plans/w46/edit?handler=Save", new FormUrlEncodedContent(fields), Ct);
    }

    // The editor's fields for the plan as stored, theme 1.2 retitled: what the form would post.
    private static Dictionary<string, string> Fields(Plan plan, int baseVersion, string title)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var fields = new Dictionary<string, string> { ["Form.PlanId"] = "w46", ["Form.BaseVersion"] = baseVersion.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < plan.Themes.Count; i++)
        {
            var t = plan.Themes[i];
            var p = $"Form.Themes[{i}].";
            fields[p + "Base"] = i.ToString(CultureInfo.InvariantCulture);
            fields[p + "Code"] = t.Code;
            fields[p + "Title"] = t.Code == "1.2" ? title : t.Title;
            fields[p + "From"] = Day(t.Window.From);
            fields[p + "To"] = Day(t.Window.To);
            fields[p + "Keywords"] = string.Join('\n', t.Keywords);
            fields[p + "Outlets"] = string.Join('\n', t.Outlets);
        }

        for (var i = 0; i < plan.Quotas.Count; i++)
        {
            var q = plan.Quotas[i];
            var p = $"Form.Quotas[{i}].";
            fields[p + "Theme"] = q.Theme ?? "";
            fields[p + "Count"] = q.Count.ToString(CultureInfo.InvariantCulture);
            fields[p + "Unit"] = q.Unit;
            fields[p + "Period"] = q.Period;
            fields[p + "Outlets"] = string.Join('\n', q.Outlets);
        }

        return fields;
    }
}
