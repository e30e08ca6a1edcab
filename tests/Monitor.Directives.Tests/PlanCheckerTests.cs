using Monitor.Directives.Checking;

namespace Monitor.Directives.Tests;

public sealed class PlanCheckerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void Every_mistake_of_a_hand_edited_plan_is_reported_with_its_line()
    {
        File.WriteAllText(_path, """
            directive:
              title: Kế hoạch
            themes:
            - code: '1.1'
              title: Phòng ngừa ngộ độc thực phẩm
              window:
                from: 2024-12-01
                to: 2024-11-01
            - title: Không có mã
            - code: '1.1'
              title: Trùng mã
            quotas:
            - theme: '9.9'
              count: 1
              period: fortnight
            """);

        var errors = PlanChecker.Check(_path);

        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("sau ngày kết thúc", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("chưa có mã", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 10 && e.Message.Contains("trùng", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 13 && e.Message.Contains("'9.9'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 15 && e.Message.Contains("week|month|quarter|year", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_or_exclusion_that_cannot_be_read_is_reported_with_its_line_and_column()
    {
        File.WriteAllText(_path, """
            directive:
              title: Kế hoạch
            themes:
            - code: '1.2'
              title: Phòng ngừa ngộ độc thực phẩm
              rules:
              - '"ngộ độc thực phẩm" OR ("an toàn thực phẩm" AND NOT "quảng cáo")'
              - '"ngộ độc" AND ("nấm" OR "cóc"'
              - 'NOT "quảng cáo"'
              exclude:
              - methanol
              - 'headline:"rượu"'
              min_evidence: 0
            """);

        var errors = PlanChecker.Check(_path);

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Line == 8 && e.Message.Contains("thiếu dấu ngoặc đóng ')' (cột 15)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("không chỉ NOT", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 12 && e.Message.Contains("trường 'headline'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 13 && e.Message.Contains("min_evidence '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_its_line_and_column_with_a_vietnamese_hint_not_the_parsers_english()
    {
        var error = Assert.Single(PlanChecker.CheckText("themes:\n  - code: '1'\n   title: [", "kh.yaml"));

        Assert.Matches(@"^YAML/JSON không đọc được ở cột \d+ \(", error.Message);
        Assert.EndsWith($"({Monitor.Core.Plans.YamlSyntax.Hint})", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void A_correct_plan_has_no_errors()
    {
        File.WriteAllText(_path, "themes:\n- code: '1'\n  title: Du lịch\nquotas:\n- theme: '1'\n  count: 1\n  period: month\n");

        Assert.Empty(PlanChecker.Check(_path));
    }

    public void Dispose() => File.Delete(_path);
}
