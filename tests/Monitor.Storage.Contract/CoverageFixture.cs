using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Contract;

/// <summary>A real store holding a small plan (four themes, three quotas, one event) and articles of two outlets, tagged
/// by hand so the expected counts can be read off the list below.</summary>
public static class CoverageFixture
{
    public const string A = "Báo Kon Tum";
    public const string B = "Đài PT-TH Kon Tum";
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static Plan Plan() => new()
    {
        Id = "w46",
        Directive = new Directive { Issued = new DateOnly(2024, 11, 8), Title = "Hướng dẫn tuyên truyền" },
        Themes =
        [
            Theme("1.2", "Phòng ngừa ngộ độc thực phẩm", new(2024, 11, 11), new(2024, 12, 31)),
            Theme("1.3", "Phòng cháy xe điện", new(2024, 11, 11), new(2024, 12, 31)),
            Theme("2.5", "Kỳ họp thứ 8 Quốc hội", new(2024, 11, 11), new(2024, 12, 31)),
            Theme("3.1", "Chào năm mới", new(2025, 1, 1), null),
        ],
        Quotas =
        [
            new Quota { Count = 2, Unit = "tin, bài", Period = "week", Outlets = [A], Text = "mỗi tuần 02 tin, bài" },
            new Quota { Theme = "1.3", Count = 1, Unit = "chuyên mục", Period = "month", Outlets = [B], Text = "mỗi tháng 01 chuyên mục Phòng cháy" },
            new Quota { Theme = "1.3", Count = 1, Unit = "chuyên mục", Period = "month", Outlets = [A], Text = "mỗi tháng 01 chuyên mục Pháp luật" },
        ],
        Events = [new PlanEvent { Date = new DateOnly(2024, 11, 20), Title = "Ngày Nhà giáo Việt Nam" }],
    };

    /// <summary>The articles: (name, outlet, section, published in Vietnam, themes).</summary>
    public static readonly (string Name, string Outlet, string? Section, DateTimeOffset Published, string[] Themes)[] Articles =
    [
        ("a1", A, null, new(2024, 11, 10, 23, 30, 0, Vn), ["1.2"]),         // W45, the day before the windows open
        ("a2", A, null, new(2024, 11, 11, 0, 10, 0, Vn), ["1.2", "1.3"]),   // W46, first day of the windows
        ("a3", A, null, new(2024, 11, 17, 23, 50, 0, Vn), ["1.2"]),         // W46, Sunday night
        ("a4", A, null, new(2024, 11, 18, 6, 0, 0, Vn), ["1.2"]),           // W47 in Vietnam, still 17 November in UTC
        ("a5", B, "Phòng cháy", new(2024, 11, 20, 9, 0, 0, Vn), ["1.3"]),   // W47
        ("a6", B, "Thời sự", new(2024, 12, 2, 9, 0, 0, Vn), ["1.3"]),       // W49, December
        ("a7", A, null, new(2025, 1, 5, 9, 0, 0, Vn), ["1.2"]),             // after the windows close
    ];

    public static string Id(string name) => ArticleId.FromCanonicalUrl("https://x.vn/" + name);

    public static async Task<StoredPlan> FillAsync(MonitorDatabase db)
    {
        var stored = await new PlanStore(db, TimeProvider.System).SaveAsync(Plan(), CancellationToken.None);
        await using (var connection = await db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var a in Articles)
            {
                await WriteAsync(connection, tx, stored, Article(a.Name, a.Outlet, a.Section, a.Published), a.Themes);
            }

            await tx.CommitAsync();
        }

        // Outlet A's feed works (but A published nothing after 18 November); outlet B's feed fails.
        var crawl = new CrawlState(db, TimeProvider.System);
        await crawl.MarkAsync("https://x.vn/a2", "a-rss", "fetched", Id("a2"), CancellationToken.None);
        await crawl.RecordSuccessAsync("a-rss", 1, CancellationToken.None);
        await crawl.MarkAsync("https://x.vn/a5", "b-rss", "fetched", Id("a5"), CancellationToken.None);
        await crawl.RecordErrorAsync("b-rss", "http://b.vn/rss: HTTP 404", CancellationToken.None);
        return stored;
    }

    public static Article Article(string name, string outlet, string? section, DateTimeOffset published)
    {
        var url = "https://x.vn/" + name;
        return new Article
        {
            Id = Id(name), Url = url, CanonicalUrl = url, Outlet = outlet, Section = section, Title = "Tin " + name, Text = "Nội dung " + name,
            Published = published, FetchedAt = published.AddHours(1), ContentHash = ArticleId.ContentHash(name + published.ToString("O"), null, outlet + section),
        };
    }

    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction tx, StoredPlan plan, Article article, string[] themes)
    {
        await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var result = new TagResult(article.Id, article.Outlet, themes.Select(c => new ThemeMatch(c, 1.0, [])).ToList(), []);
        await ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, result, DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    private static Theme Theme(string code, string title, DateOnly from, DateOnly? to) =>
        new() { Code = code, Title = title, Window = new DateWindow { From = from, To = to }, Outlets = [A, B], Keywords = [title] };
}
