using Monitor.Core.Articles;
using Monitor.Core.Time;

namespace Monitor.Core.Tests.Articles;

public sealed class ArticleContractTests
{
    [Fact]
    public void Tracking_parameters_fragments_and_host_case_do_not_change_the_article_id()
    {
        var a = CanonicalUrl.Normalize("https://BaoKonTum.com.vn/xa-hoi/bai-1.html?utm_source=rss&utm_medium=feed#binh-luan");
        var b = CanonicalUrl.Normalize("https://baokontum.com.vn/xa-hoi/bai-1.html");
        Assert.Equal(b, a);
        Assert.Equal(ArticleId.FromCanonicalUrl(a), ArticleId.FromCanonicalUrl(b));
        Assert.Matches("^[0-9a-f]{32}$", ArticleId.FromCanonicalUrl(a));
    }

    [Fact]
    public void Meaningful_query_parameters_stay_in_the_canonical_url()
    {
        Assert.Equal("https://x.vn/tin?id=42", CanonicalUrl.Normalize("https://x.vn/tin?id=42&fbclid=abc"));
    }

    [Fact]
    public void A_non_http_url_is_refused_with_its_value_named()
    {
        var e = Assert.Throws<FormatException>(() => CanonicalUrl.Normalize("ftp://x.vn/a"));
        Assert.Contains("ftp://x.vn/a", e.Message);
    }

    [Fact]
    public void Article_json_uses_the_contract_names_and_keeps_vietnamese_readable()
    {
        var article = new Article
        {
            Id = "abc", Url = "https://x.vn/a", CanonicalUrl = "https://x.vn/a", Outlet = "Báo Kon Tum", Title = "Ngộ độc", Text = "Nội dung",
            Published = new DateTimeOffset(2024, 11, 12, 8, 30, 0, TimeSpan.FromHours(7)), FetchedAt = DateTimeOffset.UnixEpoch, ContentHash = "h",
        };
        var json = ArticleJson.Serialize(article);
        Assert.Contains("\"canonical_url\":\"https://x.vn/a\"", json);
        Assert.Contains("\"published\":\"2024-11-12T08:30:00+07:00\"", json);
        Assert.Contains("Báo Kon Tum", json);
        Assert.Equal(article, ArticleJson.Deserialize(json));
    }

    [Theory]
    [InlineData("2024-11-11T00:00:00+07:00", "2024-W46")]
    [InlineData("2024-11-17T23:59:00+07:00", "2024-W46")]
    [InlineData("2024-11-17T17:30:00+00:00", "2024-W47")] // 00:30 Monday in Vietnam
    [InlineData("2024-12-30T10:00:00+07:00", "2025-W01")]
    public void Weeks_are_iso_weeks_in_vietnam_time(string instant, string week) =>
        Assert.Equal(week, IsoWeek.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Week_46_of_2024_runs_from_monday_11_to_sunday_17_november()
    {
        var week = IsoWeek.Parse("2024-W46");
        Assert.Equal(new DateOnly(2024, 11, 11), week.Monday);
        Assert.Equal(new DateOnly(2024, 11, 17), week.Sunday);
    }
}
