using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Elasticsearch;
using Monitor.Elasticsearch.Tests.Support;
using Microsoft.Playwright;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;

namespace Monitor.Dashboards.Tests;

/// <summary>"Cần xem xét" (/plans/{id}/review and GET /api/plans/{id}/review): the doubtful undecided pairs, most
/// doubtful first and themes in turn; one click records the article page's feedback and the pair leaves; an editor sees
/// and decides only its outlets' pairs; others read without buttons and are refused a decision.</summary>
public sealed class ReviewQueueTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    [Trait("Category", "Browser")]
    public async Task An_analyst_opens_the_queue_from_the_plans_and_one_click_records_the_decision_and_the_pair_leaves()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await SeedAsync(site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);
        Assert.Equal("/plans/w46/review", await page.Locator("#review-link").GetAttributeAsync("href"));

        await page.GotoAsync(site.BaseUrl + "/plans");
        await page.Locator("tr[data-plan='w46'] a", new() { HasTextString = "Cần xem xét" }).ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/review");

        Assert.Equal(["r1|1.2", "r3|2.5", "r2|1.2"], await RowsAsync(page));
        var first = page.Locator("table.review tbody tr").First;
        Assert.Contains("một phần", await first.Locator("td.grade").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("ngộ độc thực phẩm", await first.Locator("td.snippet mark").InnerTextAsync());
        Assert.Equal("/articles/r1", await first.Locator("a[href^='/articles/']").GetAttributeAsync("href"));
        Assert.Equal("3 cặp cần xem xét; 3 cặp đầu:", await page.Locator("#count").InnerTextAsync());
        await Screens.SaveAsync(page, "review-analyst");

        await first.Locator("button[value=rejected]").ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/review?**saved=1.2");

        // 1.2's next pair (doubt 0.95) now leads the turn over 2.5's mention (0.4).
        Assert.Equal(["r2|1.2", "r3|2.5"], await RowsAsync(page));
        Assert.Contains("Đã ghi nhận", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        var decision = Assert.Single(await new FeedbackStore(site.Db, TimeProvider.System).ListAsync("w46", Ct));
        Assert.Equal(("r1", "1.2", Verdict.Rejected, "analyst"), (decision.ArticleId, decision.Theme, decision.Verdict, decision.User));
        // The same decision as the article page's: the rejected tag is gone from the counted tags.
        Assert.Equal(0L, await ScalarAsync(site, "SELECT COUNT(*) FROM tags WHERE article_id = 'r1' AND theme_code = '1.2'"));

        await page.Locator("select[name=theme]").SelectOptionAsync("2.5");
        await page.Locator("form.filters button").ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/review?theme=2.5**");
        await page.Locator("table.review tbody tr").First.Locator("button[value=confirmed]").ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/review?theme=2.5**saved=2.5");
        Assert.Equal("Không còn cặp nào cần xem xét.", await page.Locator("#count").InnerTextAsync());
        // A confirmed mention is stored as a counted tag, as the article page's confirmation does.
        Assert.Equal(1L, await ScalarAsync(site, "SELECT COUNT(*) FROM tags WHERE article_id = 'r3' AND theme_code = '2.5'"));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task An_editor_sees_and_decides_only_its_outlets_pairs_and_a_leader_reads_without_buttons()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await SeedAsync(site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var editor = await browser.NewPageAsync();
        await site.LoginAsync(editor, MonitorRoles.Editor);
        await editor.GotoAsync(site.BaseUrl + "/plans/w46/review");

        Assert.Equal(["r1|1.2", "r3|2.5"], await RowsAsync(editor));
        Assert.Equal(2, await editor.Locator("table.review form.feedback").CountAsync());
        Assert.Equal(["các cơ quan của tôi", "Báo Kon Tum"], await editor.Locator("select[name=outlet] option").AllInnerTextsAsync());
        await Screens.SaveAsync(editor, "review-editor");

        var leader = await (await browser.NewContextAsync()).NewPageAsync();
        await site.LoginAsync(leader, MonitorRoles.Leader);
        await leader.GotoAsync(site.BaseUrl + "/plans/w46/review");
        Assert.Equal(["r1|1.2", "r3|2.5", "r2|1.2"], await RowsAsync(leader));
        Assert.Equal(0, await leader.Locator("table.review form").CountAsync());
        Assert.Equal(3, await leader.Locator("table.review td", new() { HasTextString = "chỉ xem" }).CountAsync());

        // By hand, with valid tokens: the editor on another outlet's article, another outlet's queue, the leader at all.
        using var http = await site.ClientAsync(MonitorRoles.Editor, Ct);
        var token = DashboardSite.Antiforgery(await http.GetStringAsync("/plans/w46/review", Ct));
        using var other = await PostAsync(http, token, "r2", "1.2", "rejected");
        using var otherQueue = await http.GetAsync("/plans/w46/review?outlet=" + Uri.EscapeDataString("Đài Kon Tum"), Ct);
        using var leaderHttp = await site.ClientAsync(MonitorRoles.Leader, Ct);
        using var byLeader = await PostAsync(leaderHttp, DashboardSite.Antiforgery(await leaderHttp.GetStringAsync("/plans/w46/review", Ct)), "r1", "1.2", "rejected");
        using var noToken = await PostAsync(http, "", "r1", "1.2", "rejected");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Empty(await new FeedbackStore(site.Db, TimeProvider.System).ListAsync(null, Ct));

        using var own = await PostAsync(http, token, "r1", "1.2", "confirmed");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var decision = Assert.Single(await new FeedbackStore(site.Db, TimeProvider.System).ListAsync(null, Ct));
        Assert.Equal(("r1", Verdict.Confirmed, "editor"), (decision.ArticleId, decision.Verdict, decision.User));
    }

    [Fact]
    public async Task The_api_answers_the_queue_in_review_order_without_decided_pairs_and_refuses_bad_input()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await SeedAsync(site);
        await new FeedbackStore(site.Db, TimeProvider.System).RecordAsync("w46", "r2", "1.2", Verdict.Confirmed, null, "analyst", Ct);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        using var editor = await site.ClientAsync(MonitorRoles.Editor, Ct);
        using var stranger = await site.ClientAsync(null, Ct);

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/review", Ct));
        using var limited = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/review?limit=1", Ct));
        using var mine = JsonDocument.Parse(await editor.GetStringAsync("/api/plans/w46/review?theme=2.5", Ct));

        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(["r1|1.2|partial", "r3|2.5|mention"], json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("articleId").GetString()}|{i.GetProperty("theme").GetString()}|{i.GetProperty("grade").GetString()}"));
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal(1.0, first.GetProperty("doubt").GetDouble());
        Assert.Equal("ngộ độc thực phẩm", first.GetProperty("snippet").GetProperty("match").GetString());
        Assert.Equal(1, limited.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(["r3"], mine.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("articleId").GetString()));

        using var unknown = await http.GetAsync("/api/plans/nope/review", Ct);
        using var badLimit = await http.GetAsync("/api/plans/w46/review?limit=0", Ct);
        using var badTheme = await http.GetAsync("/api/plans/w46/review?theme=9.9", Ct);
        using var otherOutlet = await editor.GetAsync("/api/plans/w46/review?outlet=" + Uri.EscapeDataString("Đài Kon Tum"), Ct);
        using var anonymous = await stranger.GetAsync("/api/plans/w46/review", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("theme '9.9': kế hoạch w46 không có chủ đề này", JsonDocument.Parse(await badTheme.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherOutlet.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task With_the_elasticsearch_store_the_page_and_the_api_say_the_queue_is_not_supported_instead_of_an_empty_list()
    {
        using var cluster = new ScriptedCluster(_ => (200, "{}"));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitor:Elasticsearch:Url"] = "http://127.0.0.1:9200", ["Monitor:Elasticsearch:IndexPrefix"] = "t-",
        }).Build();
        // The product's composition from the settings (as monitor serve with Monitor__Elasticsearch__Url); SQLite holds
        // doubtful pairs, which the queue must not show as if they were the deployment's tags.
        await using var site = await DashboardSite.StartAsync(Ct, configure: s => s.AddMonitorElasticsearch(settings)
            .Replace(ServiceDescriptor.Singleton(cluster.Connect(new ElasticsearchOptions { Url = "http://127.0.0.1:9200", IndexPrefix = "t-" }))));
        await SeedAsync(site);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);

        var page = await http.GetStringAsync("/plans/w46/review", Ct);
        using var api = await http.GetAsync("/api/plans/w46/review", Ct);

        Assert.Contains("id=\"unsupported\"", page, StringComparison.Ordinal);
        Assert.Contains("với kho Elasticsearch (cấu hình Monitor:Elasticsearch:Url) chưa hỗ trợ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("table class=\"review\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotImplemented, api.StatusCode);
        Assert.Equal("hàng 'Cần xem xét' chỉ đọc kho SQLite; với kho Elasticsearch chưa hỗ trợ",
            JsonDocument.Parse(await api.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());
    }

    // Three doubtful pairs beside the site's sure tags: a partial hit at the threshold (Báo Kon Tum), a mention that nearly
    // counted (Báo Kon Tum), a partial hit a little above the threshold (Đài Kon Tum).
    private static async Task SeedAsync(DashboardSite site)
    {
        const string Text = "Bếp ăn trường học và ngộ độc thực phẩm ở xã vùng cao.";
        List<Evidence> evidence = [new("ngộ độc thực phẩm", 21, 38, "text")];
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        foreach (var (id, outlet, match) in new[]
        {
            ("r1", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, evidence, ThemeGrade.Partial)),
            ("r2", "Đài Kon Tum", new ThemeMatch("1.2", 1.2, evidence, ThemeGrade.Partial)),
            ("r3", "Báo Kon Tum", new ThemeMatch("2.5", 2.6, evidence, ThemeGrade.Mention)),
        })
        {
            var article = new Article
            {
                Id = id, Url = $"http://x.vn/{id}", CanonicalUrl = $"http://x.vn/{id}", Outlet = outlet, Title = "Tin " + id, Text = Text,
                Published = new DateTimeOffset(2024, 11, 18, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "h" + id,
            };
            await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, Ct);
            await ArticleWriter.ReplaceTagsAsync(connection, tx, "w46", site.Plan.Version, new TagResult(id, outlet, [match], []), DateTimeOffset.UnixEpoch, Ct);
        }

        await tx.CommitAsync(Ct);
    }

    private static async Task<List<string>> RowsAsync(IPage page)
    {
        var rows = page.Locator("table.review tbody tr");
        var list = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            list.Add($"{await rows.Nth(i).GetAttributeAsync("data-article")}|{await rows.Nth(i).GetAttributeAsync("data-theme")}");
        }

        return list;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string token, string article, string code, string verdict) =>
        http.PostAsync("/plans/w46/review?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["article"] = article, ["code"] = code, ["verdict"] = verdict, ["__RequestVerificationToken"] = token,
        }), Ct);

    private static async Task<long> ScalarAsync(DashboardSite site, string sql)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
