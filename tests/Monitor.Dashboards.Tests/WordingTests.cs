using Monitor.Wording;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;

namespace Monitor.Dashboards.Tests;

/// <summary>The words the CLI reports and the pages share, built from the store's typed facts.</summary>
public sealed class WordingTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 30, 1, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_quota_reads_as_the_directive_writes_it_with_its_progress_in_words()
    {
        var quota = new QuotaStatus(0, "1.2", "", 2, "tin, bài", "week", new DateOnly(2024, 11, 11), null, 2, 2, 4, 3, null, [], "");

        Assert.Equal(("2 tin, bài/tuần", "chậm tiến độ", "mọi chủ đề", "mọi cơ quan"),
            (CoverageWords.Rate(quota), CoverageWords.Progress(quota.Progress), CoverageWords.Theme(null), CoverageWords.Outlet(quota.Outlet)));
        Assert.Equal(["đã đạt", "đúng tiến độ"], new[] { QuotaProgress.Met, QuotaProgress.OnTrack }.Select(CoverageWords.Progress));
    }

    [Fact]
    public void A_quota_binding_every_outlet_is_named_as_the_press_outlets_in_a_sentence_and_a_named_outlet_as_itself()
    {
        Assert.Equal(("các cơ quan báo chí", "Các cơ quan báo chí", "Báo Kon Tum"),
            (CoverageWords.OutletSubject(""), CoverageWords.OutletSubject("", sentenceStart: true), CoverageWords.OutletSubject("Báo Kon Tum", sentenceStart: true)));
    }

    [Fact]
    public void A_gap_that_an_unhealthy_source_may_explain_carries_the_note_for_its_kind_and_a_healthy_one_none()
    {
        var paused = new OutletHealth("Báo B", ["b-rss"], SourceState.Paused, null, null, null, new PausedHost("b.vn", Until, 3, "HTTP 503"));
        var ok = new OutletHealth("Báo B", ["b-rss"], SourceState.Ok, null, null, new DateOnly(2024, 11, 20));
        ThemeGap Gap(GapKind kind, OutletHealth health) => new("1.2", "Chủ đề", kind, 0, 0, [], null, null, [health]);

        Assert.Equal("không có bài có thể do nguồn lỗi", CoverageWords.SourceNote(Gap(GapKind.Uncovered, paused)));
        Assert.Equal("thiếu cơ quan có thể do nguồn lỗi", CoverageWords.SourceNote(Gap(GapKind.SingleOutlet, paused)));
        Assert.Null(CoverageWords.SourceNote(Gap(GapKind.SingleOutlet, ok)));
        Assert.Equal("nguồn tạm dừng: máy chủ b.vn đến 30/11/2026 08:15 sau 3 lần lỗi liên tiếp", CoverageWords.Health(paused));
        Assert.Equal(("chỉ một cơ quan", "Tuần 46/2024", "Tháng 11/2024"), (CoverageWords.Gap(GapKind.SingleOutlet), CoverageWords.Period("2024-W46"), CoverageWords.Period("2024-11")));
    }

    [Fact]
    public void Numbers_are_written_the_Vietnamese_way_a_point_between_thousands_and_a_comma_before_decimals()
    {
        Assert.Equal("1.234.567", NumberWords.Whole(1_234_567));
        Assert.Equal("8,54", NumberWords.Fraction(8.54));
        Assert.Equal("0,9", NumberWords.Fraction(0.94, "0.#"));
        Assert.Equal("1,5 ngày", SourceWords.Gap(TimeSpan.FromHours(36)));
        Assert.Equal("2,5 giờ", SourceWords.Gap(TimeSpan.FromMinutes(150)));
    }

    [Fact]
    public void A_week_is_written_as_every_page_and_the_summary_write_it_without_a_leading_zero()
    {
        Assert.Equal("Tuần 1/2025", CoverageWords.Period("2025-W01"));
        Assert.Equal("Tuần 10/2024", CoverageWords.Period("2024-W10"));
    }

    [Fact]
    public void A_source_with_a_paused_host_and_a_failing_feed_is_described_by_each_problem_with_its_details()
    {
        var line = new SourceHealthLine("b-rss", "Báo B", Until, Until.AddDays(-2), null, 0, new Dictionary<string, int>(), 0, 0, false, null, false,
            "http://b.vn/rss: HTTP 404", Until, [new PausedHost("b.vn", Until, 3, "HTTP 404")]);

        Assert.Equal(["lần thu thập gần nhất lỗi: http://b.vn/rss: HTTP 404", "máy chủ b.vn tạm dừng đến 30/11/2026 08:15 sau 3 lần lỗi liên tiếp"], SourceWords.Problems(line));
        Assert.Equal(("robots.txt cấm", "bị giới hạn (429/503)"), (SourceWords.ErrorKind("robots"), SourceWords.ErrorKind("throttled")));
    }
}
