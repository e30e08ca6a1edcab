using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Scope;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Scope;

public sealed class ScopeTests
{
    private static Article Article(string title, string text, string outlet = "Tuổi Trẻ", string url = "") => new()
    {
        Id = "a", Url = url, CanonicalUrl = url, Outlet = outlet, Title = title, Text = text, ContentHash = "",
    };

    private static bool Tagged(Article article) =>
        new PlanMatcher(new Plan { Id = "p", Themes = [new Theme { Code = "II.5", Title = "t", Keywords = ["sản phẩm OCOP"], Scope = "Kon Tum" }] })
            .Tag(article).Themes.Count > 0;

    [Fact]
    public void A_scoped_theme_counts_articles_of_the_provinces_outlets_or_naming_its_places_and_nothing_else()
    {
        Assert.True(Tagged(Article("Sản phẩm OCOP lên sàn", "Nội dung.", outlet: "Báo Kon Tum")));
        Assert.True(Tagged(Article("Sản phẩm OCOP lên sàn", "Nội dung.", url: "https://www.baokontum.com.vn/a.html")));
        Assert.True(Tagged(Article("Sản phẩm OCOP lên sàn", "Nông dân huyện Đắk Glei giới thiệu sâm.")));
        Assert.True(Tagged(Article("Sản phẩm OCOP của tỉnh Kon Tum", "")));
        Assert.False(Tagged(Article("Sản phẩm OCOP lên sàn", "Nông dân Lâm Đồng giới thiệu đặc sản.")));
    }

    [Fact]
    public void Anchors_that_fold_onto_everyday_words_are_only_used_inside_longer_names()
    {
        // "Măng Đen" folds like "mang đến", "Bờ Y" like "Bộ Y (tế)", "Ngọc Linh" is a given name.
        Assert.False(Tagged(Article("Sản phẩm OCOP lên sàn", "Chương trình mang đến niềm vui; Bộ Y tế và chị Ngọc Linh có mặt.")));
        Assert.True(Tagged(Article("Sản phẩm OCOP lên sàn", "Du khách đến khu du lịch Măng Đen.")));
    }

    [Fact]
    public void A_successor_province_takes_the_places_of_the_provinces_merged_into_it()
    {
        var gazetteer = Gazetteer.Default;
        var quangNgai = gazetteer.Find("Quảng Ngãi")!;
        Assert.Contains("Đắk Glei", gazetteer.Anchors(quangNgai));
        Assert.Equal("Quảng Ngãi", gazetteer.Find("kon tum")!.MergedInto);
        Assert.True(new ScopeAnchor(gazetteer, quangNgai).Anchors(Article("t", "Ở Ngọc Hồi."), [null, null, "o ngoc hoi"]));
    }

    [Fact]
    public void A_scope_the_gazetteer_does_not_know_is_refused_naming_the_theme() =>
        Assert.Contains("phạm vi 'Atlantis'", Assert.Throws<PlanFormatException>(() =>
            new PlanMatcher(new Plan { Themes = [new Theme { Code = "1", Title = "t", Keywords = ["x y"], Scope = "Atlantis" }] })).Message, StringComparison.Ordinal);
}
