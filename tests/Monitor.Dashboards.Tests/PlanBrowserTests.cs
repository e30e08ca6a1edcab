using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Plans;
using Monitor.Dashboards.Tests.Support;
using Monitor.Directives;
using Monitor.Directives.Checking;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

/// <summary>The Kế hoạch page in Debian's Chromium: a directive uploaded, proposed beside its text, edited, saved as a
/// version and re-tagged with a progress bar; the checker's errors at their row with the save refused; the diff
/// between versions; bad uploads refused in one line with nothing lost.</summary>
[Trait("Category", "Browser")]
public sealed class PlanBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [SharedDataFact("seeds")]
    [Trait("Category", "Corpus")]
    public async Task A_text_directive_goes_from_upload_to_edit_to_a_saved_version_to_a_retag_that_the_overview_counts()
    {
        var seed = RepositoryPaths.Shared("seeds/kontum-2024-w46-weekly-guidance.txt");
        var proposal = await new DirectiveImporter().ImportAsync(seed, new DirectiveImportOptions(), Ct);
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.Locator("nav a", new() { HasText = "Kế hoạch" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(seed);
        await page.Locator("#planId").FillAsync("tuan46");
        await Screens.SaveAsync(page, "plans-list-analyst");
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/plans/tuan46/edit?draft=*");

        // The proposal beside the directive's text: every theme the importer proposes, in its order.
        Assert.Contains("Phòng ngừa ngộ độc thực phẩm: Tiếp tục thông tin", await page.Locator("#directive-text").InnerTextAsync(), StringComparison.Ordinal);
        var codes = await page.Locator("fieldset.theme input.code").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        Assert.Equal(proposal.Themes.Select(t => t.Code), codes);
        Assert.Equal("Lưu sẽ tạo kế hoạch mới, phiên bản v1.", await page.Locator("#save-target").InnerTextAsync());
        await Screens.SaveAsync(page, "plans-editor-proposal");

        // Edit theme 1.2: its window over the sample articles' weeks, one more keyword; add a quota for it.
        var theme = page.Locator("fieldset.theme[data-code='1.2']");
        await theme.Locator("input[name$='.From']").FillAsync("2024-11-11");
        await theme.Locator("input[name$='.To']").FillAsync("2024-11-24");
        var keywords = theme.Locator("textarea[name$='.Keywords']");
        await keywords.FillAsync(await keywords.InputValueAsync() + "\nngộ độc thực phẩm\nbếp ăn trường học");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        var quota = page.Locator("fieldset.quota").Last;
        await quota.Locator("input[name$='.Theme']").FillAsync("1.2");
        await quota.Locator("input[name$='.Count']").FillAsync("3");
        await quota.Locator("input[name$='.Unit']").FillAsync("tin, bài");
        await quota.Locator("textarea[name$='.Outlets']").FillAsync("Báo Kon Tum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();

        await page.WaitForPageAsync("**/plans/tuan46/retag?saved=1");
        Assert.Equal("Đã lưu phiên bản v1.", await page.Locator("#saved").InnerTextAsync());
        var stored = (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct)).Single(p => p.Id == "tuan46");
        var saved = stored.Plan.Themes.Single(t => t.Code == "1.2");
        Assert.Equal((new DateOnly(2024, 11, 11), new DateOnly(2024, 11, 24)), (saved.Window.From!.Value, saved.Window.To!.Value));
        Assert.Contains("bếp ăn trường học", saved.Keywords);
        Assert.Contains(stored.Plan.Quotas, q => q is { Theme: "1.2", Count: 3, Period: "week" } && q.Outlets.SequenceEqual(["Báo Kon Tum"]));

        // Re-tag: the script polls the JSON endpoint and fills the bar until every article of the windows is done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gắn lại chủ đề theo v1" }).ClickAsync();
        await page.Locator("#retag[data-state='done'][data-polls]").WaitForAsync();
        var bar = page.Locator("#retag-progress");
        Assert.Equal(await bar.GetAttributeAsync("max"), await bar.EvaluateAsync<string>("b => String(b.value)"));
        Assert.StartsWith("Đã gắn lại 5 bài", await page.Locator("#retag-state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("5/5 bài", await page.Locator("#retag-count").InnerTextAsync());
        await Screens.SaveAsync(page, "plans-retag-done");

        // The overview of the new plan counts the articles the edited theme now finds: a1 and x1 of Báo Kon Tum.
        await page.GotoAsync(site.BaseUrl + "/?plan=tuan46");
        Assert.Equal("2", await page.Locator("table.matrix tr[data-theme='1.2'] td.total").InnerTextAsync());
        Assert.Contains("3 tin, bài/tuần", await page.Locator("table.quotas").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
        await Screens.SaveAsync(page, "plans-overview-after-retag");
    }

    [SharedDataFact("seeds")]
    [Trait("Category", "Corpus")]
    public async Task A_docx_directive_is_proposed_beside_its_text_and_saved_as_the_importer_proposed_it()
    {
        using var dir = new TempDir();
        var docx = Path.Combine(dir.Path, "chi-thi-30.docx");
        var lines = await File.ReadAllLinesAsync(RepositoryPaths.Shared("seeds/kontum-2024-directive-30-oral-propaganda-plan.txt"), Ct);
        using (var doc = WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }

        var proposal = await new DirectiveImporter().ImportAsync(docx, new DirectiveImportOptions(), Ct);
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Admin);

        await page.GotoAsync(site.BaseUrl + "/plans");
        await page.Locator("#file").SetInputFilesAsync(docx);
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/plans/chi-thi-30/edit?draft=*");

        Assert.Contains("thực hiện Chỉ thị số 30-CT/TW của Ban Bí thư", await page.Locator("#directive-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("chi-thi-30", await page.Locator("#plan-id").InputValueAsync());
        Assert.Equal(proposal.Themes.Count, await page.Locator("fieldset.theme").CountAsync());
        await Screens.SaveAsync(page, "plans-editor-docx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await page.WaitForPageAsync("**/plans/chi-thi-30/retag?saved=1");

        var stored = (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct)).Single(p => p.Id == "chi-thi-30");
        Assert.Equal(proposal.Themes.Select(t => (t.Code, t.Title, string.Join('|', t.Keywords))), stored.Plan.Themes.Select(t => (t.Code, t.Title, string.Join('|', t.Keywords))));
        Assert.Equal(proposal.Quotas.Count, stored.Plan.Quotas.Count);

        // The saved draft leaves the list of open drafts; its text stays with the plan in the editor.
        await page.GotoAsync(site.BaseUrl + "/plans");
        Assert.Equal(0, await page.Locator("ul.drafts li").CountAsync());
        await page.GotoAsync(site.BaseUrl + "/plans/chi-thi-30/edit");
        Assert.Contains("thực hiện Chỉ thị số 30-CT/TW", await page.Locator("#directive-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checker_error_is_shown_at_its_theme_and_the_save_is_refused_with_the_edits_kept()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/edit");
        var first = page.Locator("fieldset.theme[data-row='0']");
        var second = page.Locator("fieldset.theme[data-row='1']");
        await first.Locator("input[name$='.From']").FillAsync("2024-11-30");
        await second.Locator("input[name$='.Code']").FillAsync("1.2");
        await second.Locator("textarea[name$='.Keywords']").FillAsync("kỳ họp thứ 8\nkỳ họp thứ tám");
        await page.Locator("fieldset.quota[data-row='0'] input[name$='.Count']").FillAsync("hai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await page.Locator("#refused").WaitForAsync();

        Assert.Equal("Chưa lưu: kế hoạch còn 3 lỗi (xem ở từng chủ đề, chỉ tiêu). Sửa rồi lưu lại.", await page.Locator("#refused").InnerTextAsync());
        Assert.Equal(["Lỗi: chủ đề '1.2': thời gian bắt đầu 2024-11-30 sau ngày kết thúc 2024-11-24"], await first.Locator("ul.messages li").AllInnerTextsAsync());
        Assert.Equal(["Lỗi: mã chủ đề '1.2' trùng với một chủ đề trước; mỗi chủ đề cần một mã riêng"], await second.Locator("ul.messages li").AllInnerTextsAsync());
        Assert.Equal(["Lỗi: chỉ tiêu: count phải là số nguyên dương"], await page.Locator("fieldset.quota[data-row='0'] ul.messages li").AllInnerTextsAsync());
        Assert.Equal("true", await second.Locator("input[name$='.Code']").GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await page.Locator("fieldset.quota[data-row='0'] input[name$='.Count']").GetAttributeAsync("aria-invalid"));
        // Nothing was stored, and nothing typed was lost.
        Assert.Single(await new PlanStore(site.Db, TimeProvider.System).VersionsAsync("w46", Ct));
        Assert.Equal("1.2", await second.Locator("input[name$='.Code']").InputValueAsync());
        Assert.Equal("kỳ họp thứ 8\nkỳ họp thứ tám", await second.Locator("textarea[name$='.Keywords']").InputValueAsync());
        Assert.Equal("hai", await page.Locator("fieldset.quota[data-row='0'] input[name$='.Count']").InputValueAsync());
        await Screens.SaveAsync(page, "plans-editor-checker-errors");

        // Corrected, the same form saves as version 2.
        await second.Locator("input[name$='.Code']").FillAsync("2.5");
        await first.Locator("input[name$='.From']").FillAsync("2024-11-11");
        await page.Locator("fieldset.quota[data-row='0'] input[name$='.Count']").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/retag?saved=2");
        Assert.Equal(["kỳ họp thứ 8", "kỳ họp thứ tám"], (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct)).Single().Plan.Themes[1].Keywords);
    }

    [Fact]
    public async Task The_history_shows_which_themes_keywords_and_quotas_changed_between_two_versions()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        // Version 2 through the editor: 3.1 gains a keyword, 2.5 goes, 4.1 comes, the quota rises from 2 to 3 a week.
        await page.GotoAsync(site.BaseUrl + "/plans/w46/edit");
        var digital = page.Locator("fieldset.theme[data-code='3.1'] textarea[name$='.Keywords']");
        await digital.FillAsync(await digital.InputValueAsync() + "\ndịch vụ công trực tuyến");
        await page.Locator("fieldset.theme[data-code='2.5'] input[name$='.Remove']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chủ đề" }).ClickAsync();
        var added = page.Locator("fieldset.theme").Last;
        await added.Locator("input[name$='.Code']").FillAsync("4.1");
        await added.Locator("input[name$='.Title']").FillAsync("Phòng cháy, chữa cháy");
        await added.Locator("textarea[name$='.Keywords']").FillAsync("phòng cháy chữa cháy");
        await page.Locator("fieldset.quota[data-row='0'] input[name$='.Count']").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/retag?saved=2");

        // A leader reads the history: v1 → v2 by default.
        var leader = await browser.NewPageAsync();
        await site.LoginAsync(leader, MonitorRoles.Leader);
        await leader.GotoAsync(site.BaseUrl + "/plans");
        await leader.Locator("table.plans tr[data-plan='w46']").GetByRole(AriaRole.Link, new() { Name = "Lịch sử" }).ClickAsync();
        var diff = leader.Locator("#diff");
        Assert.Equal("Thay đổi từ v1 đến v2", await diff.Locator("h2").InnerTextAsync());
        Assert.Equal(["4.1 Phòng cháy, chữa cháy"], await diff.Locator("ul.themes-added li").AllInnerTextsAsync());
        Assert.Equal(["2.5 Kỳ họp thứ 8 Quốc hội"], await diff.Locator("ul.themes-removed li").AllInnerTextsAsync());
        Assert.Equal(["Từ khóa: thêm dịch vụ công trực tuyến"], await diff.Locator(".theme-change[data-theme='3.1'] li").AllInnerTextsAsync());
        Assert.Equal(["Đổi: 1.2: 2 tin, bài/tuần — Báo Kon Tum → 1.2: 3 tin, bài/tuần — Báo Kon Tum"], await diff.Locator("ul.quotas-diff li").AllInnerTextsAsync());
        Assert.Equal(1, await diff.Locator(".theme-change").CountAsync());
        await Screens.SaveAsync(leader, "plans-history-diff-leader");

        // Comparing a version with itself says there is nothing to show.
        await leader.Locator("#compare select[name=from]").SelectOptionAsync("2");
        await leader.Locator("#compare button").ClickAsync();
        Assert.Equal("Hai phiên bản giống nhau về chủ đề, từ khóa, luật, thời gian, cơ quan và chỉ tiêu.", await leader.Locator("#diff p").InnerTextAsync());
    }

    [Fact]
    public async Task An_upload_that_does_not_look_like_a_directive_is_proposed_with_the_importers_warning_on_the_page()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);
        var notes = "# Ghi chú\n\n1. Cài đặt: chạy make demo.\n2. Kiểm thử: chạy make test.\n"u8.ToArray();
        var directive = "KẾ HOẠCH\n\nTuyên truyền năm 2024\n\nI. NỘI DUNG\n\n1. Truyền thông du lịch: quảng bá du lịch tỉnh.\n"u8.ToArray();
        var expected = ProposalWarnings.Of(await ImportAsync(notes));
        Assert.Single(expected);
        Assert.Empty(ProposalWarnings.Of(await ImportAsync(directive)));

        async Task<string[]> UploadAsync(string name, byte[] text)
        {
            await page.GotoAsync(site.BaseUrl + "/plans");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = text });
            await page.Locator("form.upload button[type=submit]").ClickAsync();
            await page.WaitForPageAsync("**/edit?draft=*");
            return [.. await page.Locator(".proposal-warning").AllInnerTextsAsync()];
        }

        // The same line monitor directive import prints on stderr, after the file's name, on the draft's page.
        Assert.Equal([$"Cảnh báo về tệp ghi-chu.txt: {expected[0]}."], await UploadAsync("ghi-chu.txt", notes));
        Assert.Equal("status", await page.Locator(".proposal-warning").GetAttributeAsync("role"));
        await Screens.SaveAsync(page, "plans-upload-warning");
        // A real directive does not warn; the first draft opened again later still does.
        var draft = page.Url;
        Assert.Empty(await UploadAsync("ke-hoach.txt", directive));
        await page.GotoAsync(draft);
        Assert.Equal(1, await page.Locator(".proposal-warning").CountAsync());
    }

    /// <summary>What the importer proposes from a text file, as the CLI and the upload read it.</summary>
    private static async Task<Monitor.Core.Plans.Plan> ImportAsync(byte[] text)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "van-ban.txt");
        await File.WriteAllBytesAsync(path, text, Ct);
        return await new DirectiveImporter().ImportAsync(path, new DirectiveImportOptions(), Ct);
    }

    [Fact]
    public async Task A_bad_upload_is_refused_in_one_vietnamese_line_and_loses_nothing()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        // An open draft from before: a refused upload must leave it listed.
        await page.GotoAsync(site.BaseUrl + "/plans");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "nhap.txt", MimeType = "text/plain", Buffer = "1. Chuyển đổi số: tuyên truyền về chuyển đổi số.\n"u8.ToArray() });
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/plans/nhap/edit?draft=*");

        async Task<string> UploadAsync(FilePayload file)
        {
            await page.GotoAsync(site.BaseUrl + "/plans");
            await page.Locator("#planId").FillAsync("ke-hoach-moi");
            await page.Locator("#file").SetInputFilesAsync(file);
            await page.Locator("form.upload button[type=submit]").ClickAsync();
            await page.Locator("#upload-problem").WaitForAsync();
            Assert.Equal("ke-hoach-moi", await page.Locator("#planId").InputValueAsync());
            Assert.Equal(["nhap"], await page.Locator("ul.drafts li a").AllInnerTextsAsync());
            return await page.Locator("#upload-problem").InnerTextAsync();
        }

        Assert.Equal("Tệp 'bang.xlsx': chỉ nhận văn bản .docx, .pdf hoặc .txt.",
            await UploadAsync(new FilePayload { Name = "bang.xlsx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 3, 4, 1, 2] }));
        Assert.Equal("Tệp 'hong.docx': không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word).",
            await UploadAsync(new FilePayload { Name = "hong.docx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 3, 4, 9, 9, 9, 9, 9, 9] }));
        Assert.Equal("Tệp 'anh.txt': không phải văn bản .txt, .docx hay .pdf (dữ liệu nhị phân).",
            await UploadAsync(new FilePayload { Name = "anh.txt", MimeType = "text/plain", Buffer = [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 0, 0, 0] }));
        await Screens.SaveAsync(page, "plans-upload-refused");
        // Too big: refused in the browser before it is sent, with the server's own line (a file on disk: the browser
        // reads it in place, where a buffer would travel through the driver).
        using var dir = new TempDir();
        var big = Path.Combine(dir.Path, "lon.txt");
        await using (var file = File.Create(big))
        {
            file.SetLength(DirectiveUpload.MaxBytes + (1024 * 1024));
        }

        await page.GotoAsync(site.BaseUrl + "/plans");
        await page.Locator("#planId").FillAsync("ke-hoach-moi");
        await page.Locator("#file").SetInputFilesAsync(big);
        await page.Locator("form.upload button[type=submit]").ClickAsync();
        Assert.Equal("Tệp 'lon.txt' nặng 21 MiB, quá giới hạn 20 MiB của một văn bản chỉ đạo.", await page.Locator("#upload-problem").InnerTextAsync());
        Assert.Equal(site.BaseUrl + "/plans", page.Url);

        Assert.Equal(["w46"], (await new PlanStore(site.Db, TimeProvider.System).LatestAsync(Ct)).Select(p => p.Id));
        Assert.Single(await new PlanDraftStore(site.Db, TimeProvider.System).OpenAsync(Ct));
    }
}
