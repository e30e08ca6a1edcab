using System.Text.Json;
using Monitor.Core.Time;
using Monitor.Host.Tests.Support;
using Monitor.Lab.SampleSite;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The summary of the sample plan after the demo, checked against a hand count of the sample site's ground truth
/// (crawlers/sample-site/site.yaml, <c>covers</c>).</summary>
[Trait("Category", "Process")]
public sealed class DemoSummaryTests
{
    [Fact]
    public async Task The_demo_archives_the_latest_weeks_summary_and_week_46_agrees_with_the_hand_count_of_the_sample_site()
    {
        using var dir = new TempDir();
        var demo = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(3), "demo", "--once", "--data-dir", dir.Path);
        Assert.Equal(0, demo.ExitCode);
        var md = Path.Combine(dir.Path, "reports", "kontum-2024-w46", "2024-W48.md");
        Assert.Contains(demo.Lines, l => l.EndsWith($"Tóm tắt tuần 2024-W48 của kế hoạch kontum-2024-w46: {md} (và .html, .docx)", StringComparison.Ordinal));
        Assert.True(File.Exists(md) && File.Exists(Path.ChangeExtension(md, ".html")) && File.Exists(Path.ChangeExtension(md, ".docx")));

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "summary", "--plan", "kontum-2024-w46", "--week", "2024-W46", "--format", "json", "--data-dir", dir.Path);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(string.Join('\n', run.Lines));
        var s = json.RootElement;

        // Hand count from the ground truth: articles of week 46 (11–17 November, Vietnam) that cover a plan theme.
        var plan = SamplePlan.Load();
        var site = SampleSiteContent.Load();
        var names = site.Outlets.ToDictionary(o => o.Slug, o => o.Name);
        var week = IsoWeek.Parse("2024-W46");
        var inWeek = site.Articles.Where(a => IsoWeek.Of(a.Published) == week && a.Covers.Count > 0).ToList();
        Assert.Equal(inWeek.Count, s.GetProperty("articles").GetInt32());
        foreach (var theme in s.GetProperty("themes").EnumerateArray())
        {
            var code = theme.GetProperty("code").GetString()!;
            var expected = inWeek.Where(a => a.Covers.Contains(code)).GroupBy(a => names[a.Outlet]).ToDictionary(g => g.Key, g => g.Count());
            var actual = theme.GetProperty("outlets").EnumerateArray().ToDictionary(o => o.GetProperty("outlet").GetString()!, o => o.GetProperty("articles").GetInt32());
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        var covered = plan.Themes.Where(t => inWeek.Any(a => a.Covers.Contains(t.Code))).Select(t => t.Code).ToList();
        Assert.Equal(covered, s.GetProperty("themes_covered").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(plan.Themes.Select(t => t.Code).Except(covered), s.GetProperty("themes_uncovered").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, s.GetProperty("articles_previous_week").GetInt32()); // week 45 is before the plan's windows
        // Every "Đề xuất" line names outlets or units of the plan, nothing else.
        var named = plan.Themes.SelectMany(t => t.Outlets.Concat(t.Units)).ToHashSet();
        foreach (var line in s.GetProperty("recommendations").EnumerateArray().Select(e => e.GetString()!).Where(l => l.StartsWith("Đề nghị ", StringComparison.Ordinal)))
        {
            Assert.Contains(named, n => line.StartsWith("Đề nghị " + n, StringComparison.Ordinal));
        }
    }
}
