using Monitor.Core.Plans;

namespace Monitor.Core.Tests.Tagging;

public sealed class KeywordQualityTests
{
    [Theory]
    [InlineData("trong hoạt động quản lý", "mảnh câu")]
    [InlineData("địa bàn tỉnh giai đoạn 2021-2025", "chung chung")]
    [InlineData("Tuyên truyền", "chung chung")]
    [InlineData("đầu tư", "quá rộng")]
    [InlineData("Du lịch", "quá rộng")]
    public void Fragments_generic_phrases_and_broad_single_words_are_named(string keyword, string problem) =>
        Assert.Contains(problem, KeywordQuality.Problem(keyword), StringComparison.Ordinal);

    [Theory]
    [InlineData("Luật Cảnh vệ")]        // "vệ" folds like the function word "về": checked with its marks
    [InlineData("Sâm Ngọc Linh")]
    [InlineData("OCOP")]
    [InlineData("biến đổi khí hậu")]
    [InlineData("Kỳ họp thứ 8")]
    [InlineData("ngộ độc thực phẩm")]
    public void Named_things_and_specific_subjects_pass(string keyword) => Assert.Null(KeywordQuality.Problem(keyword));

    [Fact]
    public void A_broad_word_becomes_a_rule_that_counts_it_only_in_the_title_or_lead() =>
        Assert.Equal("title:\"du lịch\" OR lead:\"du lịch\"", KeywordQuality.TitleOrLeadRule("du lịch"));
}
