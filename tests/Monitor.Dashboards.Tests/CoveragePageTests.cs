using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests;

public sealed class CoveragePageTests
{
    [Fact]
    public async Task The_coverage_page_shows_covered_and_uncovered_themes_and_source_errors_in_vietnamese()
    {
        using var dir = new TempDir();
        var ct = CancellationToken.None;
        var db = await MonitorDatabase.OpenAsync(dir.Path, ct);
        var plan = new Plan
        {
            Id = "w46",
            Themes =
            [
                new Theme { Code = "1.2", Title = "Phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"] },
                new Theme { Code = "2.5", Title = "Kỳ họp thứ 8 Quốc hội", Keywords = ["kỳ họp thứ 8"] },
            ],
        };
        var stored = await new PlanStore(db, TimeProvider.System).SaveAsync(plan, ct);
        var article = new Article
        {
            Id = "a1", Url = "http://x.vn/a", CanonicalUrl = "http://x.vn/a", Outlet = "Báo Kon Tum", Title = "Phòng ngừa ngộ độc thực phẩm",
            Text = "Nội dung.", Published = new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "h",
        };
        await using (var connection = await db.ConnectAsync(ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, ct);
            await ArticleWriter.ReplaceTagsAsync(connection, tx, stored.Id, stored.Version, new PlanMatcher(plan).Tag(article), DateTimeOffset.UnixEpoch, ct);
            await tx.CommitAsync(ct);
        }

        var crawl = new CrawlState(db, TimeProvider.System);
        await crawl.RecordErrorAsync("hong", "http://hong.vn/rss: máy chủ trả lời HTTP 404 (Not Found)", ct);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(db).AddSingleton(TimeProvider.System).AddSingleton<PlanStore>().AddSingleton<CoverageQueries>().AddSingleton(crawl);
        builder.Services.AddMonitorDashboards();
        await using var app = builder.Build();
        app.MapMonitorDashboards();
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var html = await http.GetStringAsync("/", ct);
        var json = await http.GetStringAsync("/api/coverage?plan=w46", ct);

        Assert.Contains("Đã có bài cho 1/2 chủ đề; 1 bài đã lưu.", html, StringComparison.Ordinal);
        Assert.Contains("<td>1.2 Phòng ngừa ngộ độc thực phẩm</td><td>Báo Kon Tum</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("2.5 Kỳ họp thứ 8 Quốc hội</td><td class=\"gap\" colspan=\"2\">chưa có bài", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 (Not Found)", html, StringComparison.Ordinal);
        Assert.Contains("\"uncovered\":[\"2.5\"]", json, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/coverage?plan=khong-co", ct)).StatusCode);
        await app.StopAsync(ct);
    }
}
