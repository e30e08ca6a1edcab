using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Articles;

namespace Monitor.Dashboards.Tests;

/// <summary>The Bài viết page's tables as downloads, clicked in Chromium: themes (with grade, score, evidence and the
/// decision), passing mentions, cited documents, near-duplicates and earlier versions, equal to the store's rows and to
/// the page's cells, for every role that may read the article and nobody else.</summary>
[Trait("Category", "Browser")]
public sealed class ArticleExportBrowserTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // The first version's title is a formula, as a hostile page could write it: the CSV must not run it.
    private const string FirstTitle = "=HYPERLINK(\"http://x.vn\",\"bấm\")";
    private const string Title = "Triển khai Chỉ thị 30-CT/TW: phòng ngừa ngộ độc thực phẩm";
    private const string Text = "Thực hiện Kế hoạch 3929/KH-UBND, đoàn kiểm tra làm việc tại các bếp ăn tập thể.\n\nCuối buổi, đại biểu có nhắc đến chuyển đổi số.";

    [Fact]
    public async Task Every_table_of_the_article_page_downloads_with_the_stores_rows_and_the_pages_cells()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await StoreAsync(site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await site.LoginAsync(page, MonitorRoles.Analyst);

        // A decision shows in the themes table and its download.
        await page.GotoAsync(site.BaseUrl + "/articles/e1");
        var row = page.Locator("table.themes tr[data-theme='1.2']");
        await row.Locator("input[name=reason]").FillAsync("đúng trọng tâm");
        await row.Locator("button[value=confirmed]").ClickAsync();
        await page.WaitForPageAsync("**/articles/e1?saved=1.2#feedback");

        var themes = Downloads.Xlsx(await Downloads.ClickAsync(page, Link(page, "themes", "XLSX")));
        Assert.Equal(["Kế hoạch", "Mã chủ đề", "Chủ đề", "Mức", "Điểm", "Bằng chứng", "Nhận xét"], themes[0]);
        var stored = await RowsAsync(site, "SELECT plan_id, theme_code, grade, score FROM tags WHERE article_id = 'e1' ORDER BY theme_code");
        Assert.Equal(stored.Select(r => ((string)r[0]!, (string)r[1]!, r[2] is "partial" ? "một phần" : "chính", (double)r[3]!)),
            themes.Skip(1).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[3]!, (double)r[4]!)));
        Assert.Equal("“ngộ độc thực phẩm” (tiêu đề)", themes[1][5]);
        Assert.StartsWith("đúng — analyst, ", (string)themes[1][6]!, StringComparison.Ordinal);
        Assert.EndsWith(": đúng trọng tâm", (string)themes[1][6]!, StringComparison.Ordinal);
        // The page's cells: theme, grade, score, evidence, decision (the feedback buttons are not data).
        var shown = await Downloads.TableAsync(page.Locator("table.themes"));
        Assert.Equal(shown.Skip(1).Select(r => (r[0], r[1], r[2], r[3], r[4])),
            themes.Skip(1).Select(r => ($"{r[1]} {r[2]}", (string)r[3]!, ((double)r[4]!).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), (string)r[5]!, (string)r[6]!)));

        var mentions = Downloads.Csv(await Downloads.ClickAsync(page, Link(page, "mentions", "CSV")));
        Assert.Equal([["Kế hoạch", "Mã chủ đề", "Chủ đề", "Điểm", "Bằng chứng"], ["w46", "3.1", "Chuyển đổi số", "0.5", "“chuyển đổi số” (thân bài)"]], mentions);
        Assert.Equal((await RowsAsync(site, "SELECT theme_code FROM tag_mentions WHERE article_id = 'e1'")).Select(r => (string)r[0]!), mentions.Skip(1).Select(r => r[1]));

        var references = Downloads.Xlsx(await Downloads.ClickAsync(page, Link(page, "references", "XLSX")));
        Assert.Equal((await RowsAsync(site, "SELECT number FROM article_references WHERE article_id = 'e1' ORDER BY number")).Select(r => (string)r[0]!),
            references.Skip(1).Select(r => (string)r[0]!));
        Assert.Equal([["Số hiệu", "Loại"], ["30-CT/TW", "văn bản của Đảng"], ["3929/KH-UBND", "văn bản hành chính"]], references.Select(r => r.Cast<string>().ToList()));
        Assert.Equal(references.Select(r => r.Cast<string>().ToList()), await Downloads.TableAsync(page.Locator("table.references")));

        var versions = Downloads.Csv(await Downloads.ClickAsync(page, Link(page, "versions", "CSV")));
        Assert.Equal(["Phiên bản", "Thay đổi lúc", "Tiêu đề trước đó"], versions[0]);
        // The formula a crawled title carried is text in the CSV (a leading apostrophe), as the store holds it otherwise.
        Assert.Equal(("2", "'" + FirstTitle), (versions[1][0], versions[1][2]));
        Assert.Equal(FirstTitle, (string)(await RowsAsync(site, "SELECT previous_title FROM article_changes WHERE article_id = 'e1'"))[0][0]!);
        Assert.Equal(versions.Skip(1).Select(r => r[1]), (await Downloads.TableAsync(page.Locator("table.versions"))).Skip(1).Select(r => r[1]));
        await Screens.SaveAsync(page, "article-tables-analyst");

        // The near-duplicates of the seeded story (its syndicated copy).
        await page.GotoAsync(site.BaseUrl + "/articles/c1");
        var duplicates = Downloads.Xlsx(await Downloads.ClickAsync(page, Link(page, "duplicates", "XLSX")));
        Assert.Equal([["Mã bài", "Tiêu đề", "Cơ quan báo chí", "Khác (bit)"], ["c2", "Kon Tum đẩy mạnh chuyển đổi số", "Đài Kon Tum", 2.0]], duplicates);
        Assert.Equal(2L, (long)(await RowsAsync(site, "SELECT distance FROM near_duplicates WHERE article_id = 'c2' AND duplicate_of = 'c1'"))[0][0]!);
        Assert.Equal(0, await page.Locator(".downloads[data-table='versions']").CountAsync());
    }

    [Fact]
    public async Task The_article_downloads_follow_the_pages_rules_every_role_reads_them_a_stranger_logs_in_first()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        foreach (var role in new[] { MonitorRoles.Admin, MonitorRoles.Analyst, MonitorRoles.Leader, "editor-dai" })
        {
            using var http = await site.ClientAsync(role, Ct);
            using var answer = await http.GetAsync("/articles/a1?handler=export&table=themes&format=csv", Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var rows = Downloads.Csv(await answer.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(["w46", "1.2", "Phòng ngừa ngộ độc thực phẩm", "chính"], rows[1].Take(4));
        }

        using var editor = await site.ClientAsync(MonitorRoles.Editor, Ct);
        using var unknownTable = await editor.GetAsync("/articles/a1?handler=export&table=khong-co&format=csv", Ct);
        using var unknownFormat = await editor.GetAsync("/articles/a1?handler=export&table=themes&format=pdf", Ct);
        using var unknownArticle = await editor.GetAsync("/articles/khong-co?handler=export&table=themes&format=csv", Ct);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownTable.StatusCode, unknownFormat.StatusCode, unknownArticle.StatusCode));
        using var stranger = await site.ClientAsync(null, Ct);
        using var refused = await stranger.GetAsync("/articles/a1?handler=export&table=themes&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/login", refused.Headers.Location!.OriginalString.Replace(site.BaseUrl, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static ILocator Link(IPage page, string table, string format) => page.Locator($".downloads[data-table='{table}'] a", new() { HasText = format });

    // An article tagged 1.2 (primary, in the title) and mentioning 3.1, citing two documents, stored twice: its first
    // fetch had a formula for a title.
    private static async Task StoreAsync(DashboardSite site)
    {
        var first = new Article
        {
            Id = "e1", Url = "http://x.vn/e1", CanonicalUrl = "http://x.vn/e1", Outlet = "Báo Kon Tum", Title = FirstTitle, Text = "Bản đầu.",
            Published = new DateTimeOffset(2024, 11, 20, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "he1a",
            FetchedAt = new DateTimeOffset(2024, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        };
        var article = first with { Title = Title, Text = Text, ContentHash = "he1b", FetchedAt = first.FetchedAt.AddHours(2) };
        Evidence Found(string field, string text, string phrase) => new(phrase, text.IndexOf(phrase, StringComparison.Ordinal), text.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length, field);
        var tags = new TagResult("e1", "Báo Kon Tum",
            [new ThemeMatch("1.2", 2.25, [Found("title", Title, "ngộ độc thực phẩm")]), new ThemeMatch("3.1", 0.5, [Found("text", Text, "chuyển đổi số")], ThemeGrade.Mention)],
            ["30-CT/TW", "3929/KH-UBND"]);
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await ArticleWriter.UpsertAsync(connection, tx, first, DateTimeOffset.UnixEpoch, Ct);
        await ArticleWriter.UpsertAsync(connection, tx, article, new DateTimeOffset(2024, 11, 20, 4, 30, 0, TimeSpan.Zero), Ct);
        await ArticleWriter.ReplaceTagsAsync(connection, tx, site.Plan.Id, site.Plan.Version, tags, DateTimeOffset.UnixEpoch, Ct);
        await tx.CommitAsync(Ct);
    }

    private static async Task<List<object?[]>> RowsAsync(DashboardSite site, string sql)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }
}
