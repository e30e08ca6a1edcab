using Monitor.Dashboards.Tests.Support;

namespace Monitor.Dashboards.Tests;

public sealed class CoveragePageTests
{
    [Fact]
    public async Task The_coverage_page_shows_covered_and_uncovered_themes_and_source_errors_in_vietnamese()
    {
        var ct = CancellationToken.None;
        await using var site = await DashboardSite.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        var html = await http.GetStringAsync("/", ct);
        var json = await http.GetStringAsync("/api/coverage?plan=w46", ct);

        Assert.Contains("Đã có bài cho 1/2 chủ đề; 1 bài đã lưu.", html, StringComparison.Ordinal);
        Assert.Contains("<td>1.2 Phòng ngừa ngộ độc thực phẩm</td><td>Báo Kon Tum</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("2.5 Kỳ họp thứ 8 Quốc hội</td><td class=\"gap\" colspan=\"2\">chưa có bài", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 (Not Found)", html, StringComparison.Ordinal);
        Assert.Contains("\"uncovered\":[\"2.5\"]", json, StringComparison.Ordinal);
        Assert.Contains("<tr data-quota=\"1\"><td>1.2</td><td>Báo Kon Tum</td><td>2 tin, bài/tuần</td><td class=\"n\">4</td><td class=\"n\">1</td><td class=\"n\">3</td><td class=\"gap\">chậm tiến độ</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-theme=\"1.2\"><td>1.2 Phòng ngừa ngộ độc thực phẩm</td><td class=\"gap\">chỉ một cơ quan</td><td>Báo Kon Tum</td>", html, StringComparison.Ordinal);
        Assert.Contains("Đài Kon Tum: <span class=\"gap\">nguồn lỗi: http://hong.vn/rss: máy chủ trả lời HTTP 404 (Not Found)</span>", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/coverage?plan=khong-co", ct)).StatusCode);
    }
}
