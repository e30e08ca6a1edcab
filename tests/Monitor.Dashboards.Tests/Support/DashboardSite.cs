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

namespace Monitor.Dashboards.Tests.Support;

/// <summary>The dashboards on 127.0.0.1 over a real store holding one plan of two themes (one covered by one
/// article, one not) and one broken source.</summary>
internal sealed class DashboardSite : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private WebApplication _app = null!;

    public string BaseUrl => _app.Urls.First();

    public static async Task<DashboardSite> StartAsync(CancellationToken ct)
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
                new Theme { Code = "2.5", Title = "Kỳ họp thứ 8 Quốc hội", Keywords = ["kỳ họp thứ 8"], Outlets = ["Báo Kon Tum", "Đài Kon Tum"] },
            ],
            // Two weeks of the window are over: 4 articles required, 1 delivered.
            Quotas = [new Quota { Theme = "1.2", Count = 2, Unit = "tin, bài", Period = "week", Outlets = ["Báo Kon Tum"] }],
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
        await using (var connection = await db.ConnectAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            // The broken source feeds Đài Kon Tum (the column the crawler fills when it knows a source's outlet).
            command.CommandText = "UPDATE source_health SET outlet = 'Đài Kon Tum' WHERE source = 'hong'";
            await command.ExecuteNonQueryAsync(ct);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(db).AddSingleton(TimeProvider.System).AddSingleton<PlanStore>().AddSingleton<ICoverageStore, SqliteCoverageStore>().AddSingleton(crawl);
        builder.Services.AddMonitorDashboards();
        site._app = builder.Build();
        site._app.MapMonitorDashboards();
        await site._app.StartAsync(ct);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
