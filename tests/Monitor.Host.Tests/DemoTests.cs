using Monitor.Lab.SampleSite;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_covers_the_themes_its_sample_articles_cover_and_a_second_run_stores_no_duplicate()
    {
        using var dir = new TempDir();
        var plan = SamplePlan.Load();
        var site = SampleSiteContent.Load();
        // Ground truth written with the sample site: a theme is covered when an article covers it inside its window.
        var covered = plan.Themes.Count(t => site.Articles.Any(a => a.Covers.Contains(t.Code)
            && t.Window.Contains(DateOnly.FromDateTime(Core.Time.VietnamTime.ToLocal(a.Published).DateTime))));
        var expected = $"covered {covered}/{plan.Themes.Count} themes, {site.Articles.Count} articles";

        var first = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(3), "demo", "--once", "--data-dir", dir.Path);
        var second = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(3), "demo", "--once", "--data-dir", dir.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(expected, first.Lines[^1]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(expected, second.Lines[^1]);
        Assert.True(covered > 0 && covered < plan.Themes.Count, "the sample site leaves some themes uncovered on purpose");
        // Each broken source is reported in exactly one line, and the run still completes.
        Assert.Single(first.Lines, l => l.StartsWith("cảnh báo: nguồn hong:", StringComparison.Ordinal) && l.Contains("HTTP 404", StringComparison.Ordinal));
        Assert.Single(first.Lines, l => l.StartsWith("cảnh báo: nguồn loi-xml:", StringComparison.Ordinal));
        Assert.Single(first.Lines, l => l.StartsWith("cảnh báo: nguồn cham:", StringComparison.Ordinal));
        Assert.Contains(first.Lines, l => l.Contains("chưa có bài", StringComparison.Ordinal));
    }
}
