using System.Text.Json;
using Monitor.Core.Time;
using Monitor.Reports.Summary;
using Monitor.Reports.Tests.Support;
using Monitor.Storage.Coverage;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Reports.Tests;

/// <summary>The weekly summary of the coverage fixture, counted by hand from its article list (CoverageFixture.Articles).</summary>
public sealed class SummaryTests
{
    [Fact]
    public async Task Week_46_counts_two_articles_two_single_outlet_themes_and_one_uncovered_theme()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W46"), CancellationToken.None))!;

        // W46 = 11–17 November: a2 (A, 1.2 + 1.3) and a3 (A, 1.2); W45's a1 is the day before the windows open.
        Assert.Equal(2, s.Articles);
        Assert.Equal(0, s.ArticlesPreviousWeek);
        Assert.Equal(3, s.ThemesTotal); // 3.1 starts in 2025
        Assert.Equal(["1.2", "1.3"], s.ThemesCovered);
        Assert.Equal(["2.5"], s.ThemesUncovered);
        Assert.Equal(["1.2", "1.3"], s.SingleOutlet);
        Assert.Equal([new OutletCount(A, 2)], s.Outlets);
        Assert.Equal((2, 0), (s.OriginalStories, s.SyndicatedCopies));
        Assert.Equal([2, 1, 0], s.Themes.Select(t => t.Articles));
        Assert.Empty(s.QuotasBehind); // 2 of 2 this week; the monthly columns are still open
        // No story was copied: the earliest one stands for the theme.
        Assert.Equal(["Tin a2"], s.Stories.Where(n => n.Theme == "1.2").Select(n => n.Title));
        // Outlet B's feed fails (HTTP 404): named as a source to check, never asked to publish.
        Assert.Single(s.SourcesAttention, a => a.Outlet == B && a.State.StartsWith("nguồn lỗi", StringComparison.Ordinal));
        Assert.Contains($"Đề nghị {A} bổ sung tin, bài về chủ đề 2.5.", s.Recommendations);
        Assert.Contains(s.Recommendations, r => r.StartsWith($"Kiểm tra nguồn thu thập của {B}", StringComparison.Ordinal) && r.EndsWith("chủ đề 1.2.", StringComparison.Ordinal));
        Assert.DoesNotContain(s.Recommendations, r => r.StartsWith("Đề nghị " + B, StringComparison.Ordinal));
        Assert.Equal([new UpcomingItem(new DateOnly(2024, 11, 20), UpcomingKind.Event, "Ngày Nhà giáo Việt Nam")], s.Upcoming);
    }

    [Fact]
    public async Task Week_47_shows_the_weekly_quota_behind_and_a_line_asking_its_outlet_for_the_missing_article()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W47"), CancellationToken.None))!;

        // W47: a4 (A, 1.2, 06:00 Monday in Vietnam) and a5 (B, 1.3). Quota 1 of A: 2 a week over two weeks = 4, delivered a2 a3 a4 = 3.
        Assert.Equal((2, 2), (s.Articles, s.ArticlesPreviousWeek));
        var behind = Assert.Single(s.QuotasBehind);
        Assert.Equal((A, 4, 3, 1), (behind.Outlet, behind.Required, behind.Delivered, behind.Remaining));
        Assert.Contains($"Đề nghị {A} bổ sung 1 tin, bài để đạt chỉ tiêu 2 tin, bài/tuần (đã có 3/4).", s.Recommendations);
        Assert.Equal(-1, s.Themes.Single(t => t.Code == "1.2").Articles - s.Themes.Single(t => t.Code == "1.2").ArticlesPreviousWeek);
    }

    [Fact]
    public async Task Themes_covered_are_the_themes_the_coverage_report_counts_for_the_same_week()
    {
        await using var store = await SummaryStore.CreateAsync();
        foreach (var week in new[] { "2024-W45", "2024-W46", "2024-W47", "2024-W49", "2025-W01" })
        {
            var iso = IsoWeek.Parse(week);
            var s = (await store.Builder.BuildAsync("w46", iso, CancellationToken.None))!;
            var plan = (await store.Coverage.PlanInForceAsync("w46", iso.Sunday, CancellationToken.None))!;
            var report = await store.Coverage.CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Week, iso.Monday, iso.Sunday), CancellationToken.None);
            Assert.Equal(report.Cells.Select(c => c.Theme).Distinct().Order(StringComparer.Ordinal), s.ThemesCovered.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_syndicated_copy_counts_once_as_a_story_and_the_copied_story_is_the_notable_one()
    {
        await using var store = await SummaryStore.CreateAsync();
        // a3 (Sunday) linked as a near-duplicate of a2 (Monday), as the crawler records it: one story of theme 1.2 with one copy.
        await store.ExecuteAsync($"INSERT INTO near_duplicates (article_id, duplicate_of, distance, found_at) VALUES ('{Id("a3")}', '{Id("a2")}', 2, '2024-11-18')");

        var s = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W46"), CancellationToken.None))!;

        Assert.Equal((1, 1), (s.OriginalStories, s.SyndicatedCopies));
        var notable = Assert.Single(s.Stories, n => n.Theme == "1.2");
        Assert.Equal(("Tin a2", 1, new DateOnly(2024, 11, 11), "https://x.vn/a2"), (notable.Title, notable.Copies, notable.Date, notable.Url));
    }

    [Fact]
    public async Task The_json_carries_the_field_names_of_the_issue()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W47"), CancellationToken.None))!;

        using var json = JsonDocument.Parse(SummaryFormats.Text(s, "json"));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] issue = ["plan", "week", "articles", "articles_previous_week", "themes_total", "themes_covered", "themes_uncovered", "single_outlet",
            "quotas_behind", "stories", "references", "upcoming", "sources_attention", "recommendations"];
        Assert.All(issue, n => Assert.Contains(n, names));
        Assert.Equal("2024-W47", json.RootElement.GetProperty("week").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("themes_covered")[0].ValueKind);
        Assert.Equal(s, SummaryJson.Deserialize(SummaryFormats.Text(s, "json")), new SummaryComparer());
    }

    [Fact]
    public async Task The_sources_section_says_it_judges_the_plans_outlets_on_the_as_of_day_not_now()
    {
        await using var store = await SummaryStore.CreateAsync();
        var s = (await store.Builder.BuildAsync("w46", IsoWeek.Parse("2024-W46"), CancellationToken.None))!;

        // Nguồn tin judges every source now; the summary judges the plan's outlets on its as-of day (the week's Sunday here).
        var lines = SummaryFormats.Text(s, "md").Split('\n');
        var frame = lines.SkipWhile(l => !l.Contains("Nguồn tin cần chú ý", StringComparison.Ordinal)).Skip(1).First(l => l.Length > 0);
        Assert.Equal(new DateOnly(2024, 11, 17), s.AsOf);
        Assert.Equal("Nguồn tin của các cơ quan báo chí trong kế hoạch, tính đến ngày 17/11/2024:", frame);
        var healthy = SummaryFormats.Text(s with { SourcesAttention = [] }, "md");
        Assert.Contains("Nguồn tin của các cơ quan báo chí trong kế hoạch, tính đến ngày 17/11/2024: thu thập bình thường.", healthy, StringComparison.Ordinal);
        Assert.DoesNotContain("Các nguồn thu thập bình thường.", healthy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_gives_no_summary()
    {
        await using var store = await SummaryStore.CreateAsync();
        Assert.Null(await store.Builder.BuildAsync("nope", IsoWeek.Parse("2024-W46"), CancellationToken.None));
    }

    /// <summary>Two summaries are the same when their JSON is (records hold lists, which compare by reference).</summary>
    private sealed class SummaryComparer : IEqualityComparer<WeeklySummary?>
    {
        public bool Equals(WeeklySummary? x, WeeklySummary? y) => SummaryJson.Serialize(x!) == SummaryJson.Serialize(y!);

        public int GetHashCode(WeeklySummary? obj) => 0;
    }
}
