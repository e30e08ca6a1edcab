using System.Text;
using Monitor.Core.Text;

namespace Monitor.Core.Tests.Text;

public sealed class VietnameseFoldingTests
{
    [Theory]
    [InlineData("Phòng ngừa ngộ độc thực phẩm", "phong ngua ngo doc thuc pham")]
    [InlineData("ĐẠI HỘI ĐẢNG BỘ", "dai hoi dang bo")]
    [InlineData("Quân đội nhân dân Việt Nam", "quan doi nhan dan viet nam")]
    [InlineData("  Hòa   bình,  độc lập! ", "hoa binh doc lap")]
    [InlineData("Nghị định số 24/2024/NĐ-CP", "nghi dinh so 24 2024 nd cp")]
    public void Folds_to_lower_case_without_diacritics_and_single_spaces(string text, string key) =>
        Assert.Equal(key, VietnameseFolding.Key(text));

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("uý ban", "úy ban")]
    public void Both_tone_mark_placements_give_the_same_key(string oldStyle, string newStyle) =>
        Assert.Equal(VietnameseFolding.Key(oldStyle), VietnameseFolding.Key(newStyle));

    [Fact]
    public void Decomposed_and_composed_input_give_the_same_key()
    {
        const string text = "Tuyên truyền kỷ niệm 80 năm Ngày thành lập Quân đội";
        Assert.Equal(VietnameseFolding.Key(text.Normalize(NormalizationForm.FormC)), VietnameseFolding.Key(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Chỉ đạo", "Chi đạo")]
    [InlineData("Chỉ đạo", "Chi dao")]
    [InlineData("tỉnh Kiên Giang", "tinh Kien Giang")]
    [InlineData("Đảng ủy", "dang uy")]
    public void Text_without_diacritics_or_with_OCR_damage_matches_the_original(string original, string damaged) =>
        Assert.Equal(VietnameseFolding.Key(original), VietnameseFolding.Key(damaged));

    [Fact]
    public void Offsets_map_a_folded_match_back_to_the_original_text()
    {
        var folded = VietnameseFolding.Fold("Tăng cường phòng ngừa NGỘ ĐỘC thực phẩm, nhất là cuối năm.");
        var start = folded.Value.IndexOf("ngo doc thuc pham", StringComparison.Ordinal);
        var (s, e) = folded.ToOriginal(start, start + "ngo doc thuc pham".Length);
        Assert.Equal("NGỘ ĐỘC thực phẩm", folded.Original[s..e]);
    }

    [Fact]
    public void Offsets_of_decomposed_text_include_the_combining_marks()
    {
        var original = "ngộ độc".Normalize(NormalizationForm.FormD);
        var folded = VietnameseFolding.Fold(original);
        Assert.Equal("ngo doc", folded.Value);
        Assert.Equal(original, folded.OriginalSlice(0, folded.Value.Length));
    }
}
