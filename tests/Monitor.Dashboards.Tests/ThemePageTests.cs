using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Articles;
using Monitor.Storage.Crawl;

namespace Monitor.Dashboards.Tests;

/// <summary>Chủ đề in Chromium over a real SQLite store: the stories a page at a time through exactly the stored ones,
/// the counts and the timeline equal to the store's tags read directly, the evidence marked in an escaped snippet, the
/// download of every story.</summary>
[Trait("Category", "Browser")]
public sealed class ThemePageTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_analyst_pages_through_exactly_the_stored_stories_newest_first_with_the_copies_under_them_and_downloads_them_all()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        var copies = await SeedAsync(site, 118, 10);
        var stored = await TaggedAsync(site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await site.LoginAsync(page, MonitorRoles.Analyst);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/themes/1.2");
        var (articles, stories) = (stored.Count, stored.Count - copies.Count);
        Assert.Equal($"{stories} tin gốc, {copies.Count} bản đăng lại ({articles} bài).", await page.Locator("#counts").InnerTextAsync());
        Assert.Equal($"Tin gốc 1–50 trên {stories}, mới nhất trước.", await page.Locator("#shown").InnerTextAsync());
        var originals = new List<string>();
        var listedCopies = new List<string>();
        var days = new List<DateOnly>();
        var perPage = new List<int>();
        while (true)
        {
            var ids = await page.Locator("li.story").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)");
            perPage.Add(ids.Length);
            originals.AddRange(ids);
            listedCopies.AddRange(await page.Locator("li.copy").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.article)"));
            foreach (var meta in await page.Locator("li.story > span.meta").AllInnerTextsAsync())
            {
                days.Add(DateOnly.ParseExact(meta.Split(" · ")[1], "dd/MM/yyyy", CultureInfo.InvariantCulture));
            }

            var older = page.Locator("nav.pager a[rel=next]");
            if (await older.CountAsync() == 0)
            {
                break;
            }

            await older.ClickAsync();
            await page.WaitForPageAsync($"**offset={originals.Count}");
        }

        // Every stored article of the theme once: the originals on the pages, the linked later ones under them.
        Assert.Equal([50, 50, stories - 100], perPage);
        Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), originals.Concat(listedCopies).Order(StringComparer.Ordinal));
        Assert.Equal(copies.Order(StringComparer.Ordinal), listedCopies.Order(StringComparer.Ordinal));
        Assert.Equal(days.OrderDescending(), days);
        Assert.Equal(stored.Where(s => !copies.Contains(s.Key)).Select(s => s.Value).OrderDescending(), days);

        // The download holds every story, not one page, the copies naming their original.
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);
        var csv = Downloads.Csv(await http.GetByteArrayAsync("/plans/w46/themes/1.2?offset=50&handler=export&table=stories&format=csv", Ct));
        Assert.Equal(["Loại", "Ngày", "Cơ quan báo chí", "Tiêu đề", "Tin gốc", "Địa chỉ"], csv[0]);
        Assert.Equal(articles, csv.Count - 1);
        Assert.Equal(copies.Count, csv.Count(r => r[0] == "bản đăng lại" && r[4].Length > 0));
        var xlsx = Downloads.Xlsx(await http.GetByteArrayAsync("/plans/w46/themes/1.2?handler=export&table=stories&format=xlsx", Ct));
        Assert.Equal(csv.Skip(1).Select(r => r[3]), xlsx.Skip(1).Select(r => (string)r[3]!));
    }

    [Fact]
    public async Task The_timeline_draws_the_stores_articles_per_day_of_the_window_and_a_day_opens_exactly_its_articles()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        await SeedAsync(site, 40, 0);
        var perDay = (await TaggedAsync(site)).GroupBy(t => t.Value).ToDictionary(g => g.Key, g => g.Count());
        var window = Enumerable.Range(0, 14).Select(i => new DateOnly(2024, 11, 11).AddDays(i)).ToList();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Leader);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/themes/1.2");
        await page.Locator("#timeline[data-ready=true]").WaitForAsync();
        var drawn = await page.EvaluateAsync<string[][]>(
            "() => echarts.getInstanceByDom(document.getElementById('timeline')).getOption().series[0].data.map(d => [d.from, String(d.value), d.href])");

        // One point per day of the window (11–24/11), zero included, each the store's count of that day.
        Assert.Equal(window.Select(d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d).ToString(CultureInfo.InvariantCulture))),
            drawn.Select(p => (p[0], p[1])));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await Screens.SaveAsync(page, "theme-timeline-leader-phone");

        // The table under the chart has the same links; the busiest day's opens its articles and no others.
        var busiest = window.MaxBy(d => perDay.GetValueOrDefault(d));
        var key = busiest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var link = page.Locator($"table.timeline tr[data-key='{key}'] a");
        Assert.Equal(drawn.Single(p => p[0] == key)[2], await link.GetAttributeAsync("href"));
        await page.Locator("details.timeline-table summary").ClickAsync();
        await link.ClickAsync();
        await page.WaitForPageAsync("**/plans/w46/articles?**");
        Assert.StartsWith($"{perDay[busiest]} bài", await page.Locator("#count").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(perDay[busiest], await page.Locator("ol.articles > li").CountAsync());
    }

    [Fact]
    public async Task The_evidence_is_marked_in_the_title_and_snippet_and_a_title_that_is_a_script_stays_text()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Screens.PhoneAsync(browser);
        await site.LoginAsync(page, MonitorRoles.Editor);

        await page.GotoAsync(site.BaseUrl + "/plans/w46/themes/1.2");

        var hostile = page.Locator("li.story[data-article='x1']");
        Assert.Equal(DashboardSite.HostileTitle, await hostile.Locator("> a").InnerTextAsync());
        Assert.Equal(["Ngộ độc thực phẩm"], await hostile.Locator("> a mark").AllInnerTextsAsync());
        Assert.Equal("Bếp ăn trường học và ngộ độc thực phẩm <b onmouseover=\"window.pwned=3\">đậm</b>.", await hostile.Locator("p.snippet").InnerTextAsync());
        Assert.Equal(["ngộ độc thực phẩm"], await hostile.Locator("p.snippet mark").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("li.story script, li.story img, li.story b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(["ngộ độc thực phẩm"], await page.Locator("li.story[data-article='a1'] > a mark").AllInnerTextsAsync());
        await Screens.SaveAsync(page, "theme-stories-editor-phone");
    }

    /// <summary>Writes <paramref name="count"/> articles of theme 1.2 across its window (tagged by the plan's matcher, so
    /// with evidence); the last <paramref name="pairs"/> are copies of the first ones, a day later in the other outlet,
    /// linked as the crawler links them (a fingerprint one bit away). Returns the copies' ids.</summary>
    private static async Task<HashSet<string>> SeedAsync(DashboardSite site, int count, int pairs)
    {
        var matcher = new PlanMatcher(site.Plan.Plan);
        var random = new Random(46);
        var written = new List<(Article Article, long Hash)>();
        await using (var connection = await site.Db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            for (var i = 0; i < count; i++)
            {
                var id = "p" + i.ToString("D3", CultureInfo.InvariantCulture);
                var copyOf = i >= count - pairs ? written[i - (count - pairs)] : default;
                var published = copyOf.Article is { } o ? o.Published!.Value.AddDays(1) : new DateTimeOffset(2024, 11, 11 + (i * 5 % 13), 6 + (i % 12), 0, 0, TimeSpan.FromHours(7));
                var outlet = copyOf.Article is { } c ? (c.Outlet == "Báo Kon Tum" ? "Đài Kon Tum" : "Báo Kon Tum") : i % 2 == 0 ? "Báo Kon Tum" : "Đài Kon Tum";
                var article = new Article
                {
                    Id = id, Url = $"http://x.vn/{id}", CanonicalUrl = $"http://x.vn/{id}", Outlet = outlet, Published = published, ContentHash = "h" + id,
                    Title = $"Xã số {i} tuyên truyền phòng ngộ độc thực phẩm", Text = $"Cán bộ xã số {i} hướng dẫn người dân cách phòng ngộ độc thực phẩm mùa lễ hội.",
                };
                await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, Ct);
                await ArticleWriter.ReplaceTagsAsync(connection, tx, site.Plan.Id, site.Plan.Version, matcher.Tag(article), DateTimeOffset.UnixEpoch, Ct);
                written.Add((article, copyOf.Article is null ? random.NextInt64(long.MinValue, long.MaxValue) : copyOf.Hash ^ 1));
            }

            await tx.CommitAsync(Ct);
        }

        var duplicates = new NearDuplicates(site.Db, TimeProvider.System);
        var copies = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < written.Count; i++)
        {
            var (article, hash) = written[i];
            var links = await duplicates.AddAsync(article.Id, article.Outlet, hash, article.Published!.Value, 6, Ct);
            if (i >= count - pairs)
            {
                Assert.Equal(written[i - (count - pairs)].Article.Id, Assert.Single(links).DuplicateOf);
                copies.Add(article.Id);
            }
        }

        return copies;
    }

    /// <summary>The theme 1.2 tags of the window (11–24/11/2024) read from the store directly: article → Vietnamese day.</summary>
    private static async Task<Dictionary<string, DateOnly>> TaggedAsync(DashboardSite site)
    {
        await using var connection = await site.Db.ConnectAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT article_id, day FROM tags WHERE plan_id = 'w46' AND theme_code = '1.2' AND day BETWEEN '2024-11-11' AND '2024-11-24'";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            result[reader.GetString(0)] = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return result;
    }
}
