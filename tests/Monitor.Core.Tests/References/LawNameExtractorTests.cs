using Monitor.Core.References;

namespace Monitor.Core.Tests.References;

public sealed class LawNameExtractorTests
{
    [Fact]
    public void An_amending_law_is_found_whole_together_with_the_law_it_amends()
    {
        const string text = "1.1. Luật sửa đổi, bổ sung một số điều của Luật Cảnh vệ: Tăng cường tuyên truyền";

        var names = LawNameExtractor.Find(text).Select(l => l.Name);

        Assert.Equal(["Luật sửa đổi, bổ sung một số điều của Luật Cảnh vệ", "Luật Cảnh vệ"], names);
    }

    [Theory]
    [InlineData("khoản 1 Điều 29 Luật Đấu thầu và Điều 83 Nghị định", "Luật Đấu thầu")]
    [InlineData("theo quy định của Luật Ngân sách và huy động từ các nguồn", "Luật Ngân sách")]
    [InlineData("phổ biến Luật Bảo vệ môi trường trên địa bàn", "Luật Bảo vệ môi trường")]
    public void A_law_name_ends_where_ordinary_prose_begins(string text, string name)
    {
        var law = Assert.Single(LawNameExtractor.Find(text));

        Assert.Equal(name, law.Name);
        Assert.Equal(name, text.Substring(law.Start, law.Length));
    }

    [Fact]
    public void The_word_law_in_prose_is_not_a_law_name()
    {
        Assert.Empty(LawNameExtractor.Find("phổ biến Luật và các văn bản hướng dẫn thi hành luật đấu thầu"));
    }
}
