using Monitor.Core.Plans;
using Monitor.Dashboards.Themes;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>The timeline's points from the store's day counts: every day of a short window, ISO weeks cut at a long
/// window's ends, the same total either way, each point linking to its days' articles of this plan version.</summary>
public sealed class ThemeTimelineTests
{
    private static readonly StoredPlan Plan = new("w46", 3, DateTimeOffset.UnixEpoch, new Plan { Id = "w46", Themes = [new Theme { Code = "1.2", Title = "Ngộ độc" }] });

    [Fact]
    public void A_window_of_a_year_is_drawn_per_iso_week_cut_at_its_ends_with_every_article_counted_once()
    {
        var window = new ThemeWindow("1.2", new DateOnly(2024, 1, 3), new DateOnly(2024, 12, 31));
        DailyCount[] daily =
        [
            new("1.2", "2024-01-03", "Báo Kon Tum", 2), new("1.2", "2024-01-07", "Đài Kon Tum", 1), new("1.2", "2024-01-08", "Báo Kon Tum", 4),
            new("1.2", "2024-12-31", "Báo Kon Tum", 5), new("2.5", "2024-01-08", "Báo Kon Tum", 9),
        ];

        var timeline = ThemeTimeline.Of(Plan, window, daily);

        Assert.True(timeline.Weekly);
        Assert.Equal(("2024-W01", new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 7), 3), (timeline.Points[0].Key, timeline.Points[0].From, timeline.Points[0].To, timeline.Points[0].Articles));
        Assert.Equal(("2025-W01", new DateOnly(2024, 12, 30), new DateOnly(2024, 12, 31), 5), (timeline.Points[^1].Key, timeline.Points[^1].From, timeline.Points[^1].To, timeline.Points[^1].Articles));
        Assert.Equal(53, timeline.Points.Count);
        Assert.Equal(12, timeline.Points.Sum(p => p.Articles));
        Assert.Equal("/plans/w46/articles?plan=w46&version=3&from=2024-01-08&to=2024-01-14&theme=1.2", timeline.Points[1].Href);
    }

    [Fact]
    public void A_window_of_two_weeks_has_a_point_for_every_day_zero_included()
    {
        var timeline = ThemeTimeline.Of(Plan, new ThemeWindow("1.2", new DateOnly(2024, 11, 11), new DateOnly(2024, 11, 24)), [new("1.2", "2024-11-12", "Báo Kon Tum", 2)]);

        Assert.False(timeline.Weekly);
        Assert.Equal(14, timeline.Points.Count);
        Assert.Equal([0, 2], timeline.Points.Take(2).Select(p => p.Articles));
        Assert.All(timeline.Points, p => Assert.Equal(p.From, p.To));
    }
}
