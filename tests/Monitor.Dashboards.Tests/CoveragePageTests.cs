using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

public sealed class CoveragePageTests
{
    [Fact]
    public async Task The_coverage_page_shows_covered_and_uncovered_themes_and_source_errors_in_vietnamese()
    {
        var ct = CancellationToken.None;
        await using var site = await DashboardSite.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var report = await new SqliteCoverageStore(site.Db, TimeProvider.System).CoverageAsync(site.Plan, new CoverageQuery(), ct);

        var html = await http.GetStringAsync("/", ct);
        var json = await http.GetStringAsync("/api/coverage?plan=w46", ct);

        Assert.Contains($"Đã có bài cho {report.CoveredThemes}/{report.Themes.Count} chủ đề; {report.ArticlesStored} bài đã lưu.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/plans/w46/themes/1.2\">1.2 Phòng ngừa ngộ độc thực phẩm</a></td><td>Báo Kon Tum</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("2.5 Kỳ họp thứ 8 Quốc hội</a></td><td class=\"gap\" colspan=\"2\">chưa có bài <span class=\"note\">(không có bài có thể do nguồn lỗi)</span>", html, StringComparison.Ordinal);
        Assert.Contains("\"uncovered\":[\"2.5\"]", json, StringComparison.Ordinal);
        Assert.Contains("<tr data-quota=\"1\"><td>1.2</td><td>Báo Kon Tum</td><td>2 tin, bài/tuần</td><td class=\"n\">4</td><td class=\"n\">1</td><td class=\"n\">3</td><td class=\"gap\">chậm tiến độ</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("1.2 Phòng ngừa ngộ độc thực phẩm</a></td><td class=\"gap\">chỉ một cơ quan</td><td>Báo Kon Tum</td>", html, StringComparison.Ordinal);
        Assert.Contains("Đài Kon Tum: <span class=\"gap\">nguồn lỗi: http://hong.vn/rss: máy chủ trả lời HTTP 404 (Not Found)</span>", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/coverage?plan=khong-co", ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/plans/w46/themes/9.9", ct)).StatusCode);
    }
}
