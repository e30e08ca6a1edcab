using Monitor.Core.Plans;

namespace Monitor.Core.Tests.Plans;

/// <summary>YAML nested 100,000 deep overflowed the stack of YamlDotNet's recursive readers (the process ended);
/// now a plan deeper than the limit is one line naming the file and the line.</summary>
public sealed class YamlDepthTests
{
    public static TheoryData<string, int> DeepPlans() => new()
    {
        { "themes: " + new string('[', 100_000) + new string(']', 100_000) + "\n", 1 },
        { "directive: CV 1\nthemes:\n  - " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n", 3 },
        { "themes: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "b" + new string('}', 100_000) + "\n", 1 },
        { "themes: " + new string('[', 64) + new string(']', 64) + "\n", 1 },
    };

    [Theory]
    [MemberData(nameof(DeepPlans))]
    public void A_plan_nested_deeper_than_the_limit_is_one_line_naming_the_file_and_line(string yaml, int line)
    {
        var e = Assert.Throws<PlanFormatException>(() => PlanFile.Parse(yaml, "sau.yaml", json: false));

        Assert.StartsWith($"sau.yaml:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("lồng quá 64 tầng", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_plan_nested_within_the_limit_is_read()
    {
        var plan = PlanFile.Parse("themes:\n  - code: A\n    title: Chủ đề\n    keywords: [a, b]\n", "p.yaml", json: false);

        Assert.Equal("A", Assert.Single(plan.Themes).Code);
        Assert.Null(YamlDepth.FirstLineDeeperThan("a: " + new string('[', 63) + new string(']', 63) + "\n", YamlDepth.MaxDepth));
    }

    [Fact]
    public void The_depth_check_counts_flow_and_block_collections_alike()
    {
        // The root mapping, b's, c's, the list and {d: 2}: five levels.
        Assert.Null(YamlDepth.FirstLineDeeperThan("a:\n  b:\n    c: [1, {d: 2}]\n", 5));
        Assert.Equal(3, YamlDepth.FirstLineDeeperThan("a:\n  b:\n    c: [1, {d: 2}]\n", 4));
    }
}
