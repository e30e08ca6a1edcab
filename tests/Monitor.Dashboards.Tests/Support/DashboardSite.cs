using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Articles;
using Monitor.Dashboards.Accounts;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests.Support;

/// <summary>The dashboards on 127.0.0.1 over a real store holding one plan of three themes (one covered by one
/// article, one not, one carried by three articles of which one is a syndicated copy) and four sources: one broken,
/// one on a paused host, one silent beyond its rhythm, one healthy. Everything goes in through the store's own APIs.</summary>
internal sealed class DashboardSite : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private WebApplication _app = null!;

    public string BaseUrl => _app.Urls.First();

    public MonitorDatabase Db { get; private set; } = null!;

    public StoredPlan Plan { get; private set; } = null!;

    /// <summary>The site's services (the store's readers, the report archive, the summary builder).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The title of a stored article that is a script and an image with an error handler (theme 1.2, week 47).</summary>
    public const string HostileTitle = "<script>window.pwned=1</script>Ngộ độc thực phẩm<img src=x onerror=\"window.pwned=2\">";

    /// <summary>The password of every test user; each role's user is named after the role (admin, analyst, editor
    /// of Báo Kon Tum, leader), plus editor-dai (editor of Đài Kon Tum).</summary>
    public const string Password = "mat-khau-thu-nghiem";

    /// <summary>Logs <paramref name="user"/> in through the form, as a person would, and waits for the overview.</summary>
    public async Task LoginAsync(Microsoft.Playwright.IPage page, string user)
    {
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form button[type=submit]");
        // The password hash and the first overview take seconds on a machine running many builds (a login timed out at
        // Playwright's 30 s default under load 17): a deadline, not a pause.
        await page.WaitForPageAsync(BaseUrl + "/", 90_000);
    }

    /// <summary>An HttpClient with a logged-in cookie of <paramref name="user"/> (form login with its antiforgery token).</summary>
    public Task<HttpClient> ClientAsync(string? user, CancellationToken ct) => ClientAsync(BaseUrl, user, ct);

    /// <summary>As <see cref="ClientAsync(string?, CancellationToken)"/>, on another web role (<see cref="StartAnotherAsync"/>).</summary>
    public static async Task<HttpClient> ClientAsync(string baseUrl, string? user, CancellationToken ct)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        if (user is null)
        {
            return http;
        }

        var form = await http.GetStringAsync("/login", ct);
        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = Password, ["__RequestVerificationToken"] = Antiforgery(form),
        }), ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    /// <summary>The antiforgery token of the first form in a page.</summary>
    public static string Antiforgery(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Outlet whose only source is on a paused host; theme 2.5 expects it.</summary>
    public const string PausedOutlet = "Cổng TTĐT Kon Tum";

    /// <param name="time">The site's clock (the tests' <see cref="ManualTime"/> for deadlines); the system clock by default.</param>
    /// <param name="configure">More services (another store's composition) added before the dashboards'.</param>
    public static async Task<DashboardSite> StartAsync(CancellationToken ct, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var site = new DashboardSite();
        var db = await MonitorDatabase.OpenAsync(site._dir.Path, ct);
        var plan = new Plan
        {
            Id = "w46",
            Themes =
            [
                new Theme
                {
                    Code = "1.2", Title = "Phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"], Outlets = ["Báo Kon Tum", "Đài Kon Tum"],
                    Window = new DateWindow { From = new(2024, 11, 11), To = new(2024, 11, 24) },
                },
                new Theme { Code = "2.5", Title = "Kỳ họp thứ 8 Quốc hội", Keywords = ["kỳ họp thứ 8"], Outlets = ["Báo Kon Tum", "Đài Kon Tum", PausedOutlet] },
                new Theme
                {
                    Code = "3.1", Title = "Chuyển đổi số", Keywords = ["chuyển đổi số"], Outlets = ["Báo Kon Tum", "Đài Kon Tum"],
                    Window = new DateWindow { From = new(2024, 11, 11), To = new(2024, 11, 24) },
                },
            ],
            // Two weeks of the window are over: 4 articles required, 1 delivered.
            Quotas = [new Quota { Theme = "1.2", Count = 2, Unit = "tin, bài", Period = "week", Outlets = ["Báo Kon Tum"] }],
        };
        var stored = await new PlanStore(db, TimeProvider.System).SaveAsync(plan, ct);
        var article = Article("a1", "Báo Kon Tum", "Phòng ngừa ngộ độc thực phẩm", "Nội dung.", 12);
        // Theme 3.1: Báo Kon Tum's story, Đài Kon Tum's copy of it the next day, and a story of Đài Kon Tum's own.
        var story = Article("c1", "Báo Kon Tum", "Tỉnh đẩy mạnh chuyển đổi số", "Chuyển đổi số trong cơ quan nhà nước tỉnh Kon Tum.", 13);
        var copy = Article("c2", "Đài Kon Tum", "Kon Tum đẩy mạnh chuyển đổi số", "Chuyển đổi số trong cơ quan nhà nước tỉnh Kon Tum (theo Báo Kon Tum).", 14);
        // A crawled page whose title and lead are markup: the pages must show it as text, never run it.
        var hostile = Article("x1", "Báo Kon Tum", HostileTitle, "Bếp ăn trường học và ngộ độc thực phẩm <b onmouseover=\"window.pwned=3\">đậm</b>.", 19);
        var own = Article("c3", "Đài Kon Tum", "Chuyển đổi số ở xã vùng cao", "Người dân xã vùng cao học dùng dịch vụ công trực tuyến.", 15);
        await using (var connection = await db.ConnectAsync(ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            foreach (var a in new[] { article, story, copy, own, hostile })
            {
                await ArticleWriter.UpsertAsync(connection, tx, a, DateTimeOffset.UnixEpoch, ct);
                await ArticleWriter.ReplaceTagsAsync(connection, tx, stored.Id, stored.Version, new PlanMatcher(plan).Tag(a), DateTimeOffset.UnixEpoch, ct);
            }

            await tx.CommitAsync(ct);
        }

        // Fingerprints as the crawler would give them: the copy two bits from the story, the other story far from both.
        const long Fingerprint = 0x3C5A_91E2_7D04_B6F1;
        var duplicates = new NearDuplicates(db, TimeProvider.System);
        foreach (var (a, hash) in new[] { (story, Fingerprint), (copy, Fingerprint ^ 0b11), (own, ~Fingerprint) })
        {
            await duplicates.AddAsync(a.Id, a.Outlet, hash, a.Published!.Value, 6, ct);
        }

        var crawl = new CrawlState(db, TimeProvider.System);
        await crawl.RecordErrorAsync("hong", "http://hong.vn/rss: máy chủ trả lời HTTP 404 (Not Found)", ct);
        await using (var connection = await db.ConnectAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            // The broken source feeds Đài Kon Tum (the column the crawler fills when it knows a source's outlet).
            command.CommandText = "UPDATE source_health SET outlet = 'Đài Kon Tum' WHERE source = 'hong'";
            await command.ExecuteNonQueryAsync(ct);
        }

        await SeedSourcesAsync(db, ct);
        site.Db = db;
        site.Plan = stored;
        (site._time, site._configure) = (time ?? TimeProvider.System, configure);
        site._app = site.Build();
        var accounts = site._app.Services.GetRequiredService<AccountService>();
        foreach (var role in MonitorRoles.All)
        {
            await accounts.SaveAsync(role, role, Password, role == MonitorRoles.Editor ? ["Báo Kon Tum"] : [], ct);
        }

        // A second editor, of another outlet: may read, may not mark Báo Kon Tum's articles.
        await accounts.SaveAsync("editor-dai", MonitorRoles.Editor, Password, ["Đài Kon Tum"], ct);
        site._app.MapMonitorDashboards();
        await site._app.StartAsync(ct);
        return site;
    }

    private TimeProvider _time = TimeProvider.System;
    private Action<IServiceCollection>? _configure;

    // The web role over the site's store, as monitor serve composes it (one per process).
    private WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(Db).AddSingleton(_time).AddSingleton<PlanStore>().AddSingleton<ICoverageStore, SqliteCoverageStore>().AddSingleton<IArticleStore, SqliteArticleStore>().AddSingleton<Monitor.Storage.Search.IArticleSearch, Monitor.Storage.Search.SqliteArticleSearch>().AddSingleton(new CrawlState(Db, TimeProvider.System));
        _configure?.Invoke(builder.Services);
        builder.Services.AddMonitorDashboards();
        return builder.Build();
    }

    /// <summary>Stops the web role and starts it again over the same store, as a restarted <c>monitor serve</c> (a new
    /// port: <see cref="BaseUrl"/> changes).</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        await _app.StopAsync(ct);
        await _app.DisposeAsync();
        _app = Build();
        _app.MapMonitorDashboards();
        await _app.StartAsync(ct);
    }

    /// <summary>A second web role over the same store, as a second <c>monitor serve</c> process would be (its own
    /// services, its own memory); the caller stops it.</summary>
    public async Task<WebApplication> StartAnotherAsync(CancellationToken ct)
    {
        var app = Build();
        app.MapMonitorDashboards();
        await app.StartAsync(ct);
        return app;
    }

    private static Article Article(string id, string outlet, string title, string text, int day) => new()
    {
        Id = id, Url = $"http://x.vn/{id}", CanonicalUrl = $"http://x.vn/{id}", Outlet = outlet, Title = title, Text = text,
        Published = new DateTimeOffset(2024, 11, day, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "h" + id,
    };

    // A healthy source (an article every two hours up to now), a source silent for days after the same rhythm, and one
    // whose host the fetcher paused; the crawler's clock is moved through the past to lay down their history.
    private static async Task SeedSourcesAsync(MonitorDatabase db, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new ManualTime(now - TimeSpan.FromDays(3));
        var crawl = new CrawlState(db, clock);
        await crawl.RecordOutletAsync("baokontum", "Báo Kon Tum", ct);
        await crawl.RecordOutletAsync("imlang", "Báo Kon Tum", ct);
        for (var i = 0; clock.Now < now - TimeSpan.FromHours(1); i++, clock.Now += TimeSpan.FromHours(2))
        {
            await crawl.MarkFetchedAsync($"https://baokontum.vn/bai-{i}.html", "baokontum", $"bkt-{i}", clock.Now, "h", ct);
            await crawl.RecordSuccessAsync("baokontum", 1, ct);
        }

        clock.Now = now - TimeSpan.FromDays(10);
        for (var i = 0; i < 12; i++, clock.Now += TimeSpan.FromHours(2))
        {
            await crawl.MarkFetchedAsync($"https://imlang.vn/bai-{i}.html", "imlang", $"il-{i}", clock.Now, "h", ct);
            await crawl.RecordSuccessAsync("imlang", 1, ct);
        }

        clock.Now = now - TimeSpan.FromMinutes(30);
        await crawl.RecordSuccessAsync("imlang", 0, ct);
        await crawl.RecordOutletAsync("congtt", PausedOutlet, ct);
        await crawl.RecordEventAsync("congtt", "http-5xx", "https://kontum.gov.vn/rss: máy chủ trả lời HTTP 503", ct);
        await crawl.RecordHostFailureAsync("kontum.gov.vn", "https://kontum.gov.vn/rss: máy chủ trả lời HTTP 503", 1, TimeSpan.FromHours(6), ct);
        await crawl.RecordErrorAsync("congtt", "https://kontum.gov.vn/rss: máy chủ trả lời HTTP 503", ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
