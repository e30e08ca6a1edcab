using Monitor.Core.Tagging.Rules;

namespace Monitor.Core.Tests.Tagging;

public sealed class RuleParserTests
{
    [Theory]
    [InlineData("\"ngộ độc thực phẩm\" OR (\"an toàn thực phẩm\" AND NOT \"quảng cáo\")")]
    [InlineData("“xe điện” NEAR/5 “cháy”")]
    [InlineData("title:\"Quốc hội\" AND (\"kỳ họp\" OR \"phiên họp\")")]
    [InlineData("lead:(\"nhà giáo\" OR \"thầy cô\") NEAR/3 \"tri ân\"")]
    [InlineData("ngộ độc thực phẩm")]
    [InlineData("lưu ý: ngộ độc")]
    [InlineData("(\"nhà giáo\" EXCEPT \"Luật Nhà giáo\") NEAR/10 \"tri ân\"")]
    public void Rules_analysts_write_are_read(string rule) => Assert.Null(RuleSyntax.Check(rule, exclusion: false));

    [Theory]
    [InlineData("\"ngộ độc\" AND (\"nấm\" OR \"cóc\"", "thiếu dấu ngoặc đóng ')'", 15)]
    [InlineData("\"ngộ độc\" OR \"nấm", "thiếu dấu ngoặc kép đóng", 14)]
    [InlineData("\"ngộ độc\" \"nấm\"", "thiếu AND/OR trước 'nấm'", 11)]
    [InlineData("\"xe điện\" NEAR \"cháy\"", "NEAR cần số từ", 11)]
    [InlineData("\"xe điện\" NEAR/x \"cháy\"", "NEAR cần số từ", 11)]
    [InlineData("headline:\"Quốc hội\"", "trường 'headline' không có", 1)]
    [InlineData("\"ngộ độc\" AND", "thiếu cụm từ", 14)]
    [InlineData("\"ngộ độc\" OR )", "thiếu cụm từ trước dấu ngoặc đóng ')'", 14)]
    [InlineData("\"ngộ độc\")", "thừa dấu ngoặc đóng ')'", 10)]
    [InlineData("\"…\"", "cụm từ rỗng", 1)]
    [InlineData("   ", "luật rỗng", 1)]
    [InlineData("(\"a b\" AND \"c\") NEAR/2 \"d\"", "NEAR chỉ nối các cụm từ", 1)]
    [InlineData("\"nhà giáo\" EXCEPT NOT \"luật\"", "EXCEPT chỉ nối các cụm từ", 12)]
    [InlineData("title:(text:\"Quốc hội\")", "giới hạn trường 'text'", 8)]
    public void A_rule_that_cannot_be_read_says_what_is_wrong_and_where(string rule, string message, int column)
    {
        var error = RuleSyntax.Check(rule, exclusion: false);

        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void A_rule_made_only_of_NOT_is_refused_but_an_exclusion_may_be()
    {
        Assert.NotNull(RuleSyntax.Check("NOT \"quảng cáo\"", exclusion: false));
        Assert.Null(RuleSyntax.Check("NOT \"quảng cáo\"", exclusion: true));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(9_000)]
    [InlineData(200_000)]
    public void A_rule_nested_deeper_than_the_limit_is_refused_in_one_line_not_a_stack_overflow(int depth)
    {
        var rule = new string('(', depth) + "\"ngộ độc\"" + new string(')', depth);

        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));

        Assert.Contains("lồng quá 64 tầng", e.Message, StringComparison.Ordinal);
        Assert.Equal(65, e.Column);
    }

    [Fact]
    public void A_chain_of_not_deeper_than_the_limit_is_refused_too()
    {
        var rule = string.Concat(Enumerable.Repeat("NOT ", 50_000)) + "\"ngộ độc\"";

        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));

        Assert.Contains("lồng quá 64 tầng", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_nested_64_deep_is_read() =>
        Assert.Null(RuleSyntax.Check(new string('(', 64) + "\"ngộ độc\"" + new string(')', 64), exclusion: false));
}
