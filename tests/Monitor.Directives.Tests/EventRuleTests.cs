using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Tests.Shared;

namespace Monitor.Directives.Tests;

/// <summary>Themes about an event (a session, a commemorated day) get rules of actors and actions inside the event's
/// window, built from the directive's own wording and dates (docs/tagging.md, "Event themes").</summary>
public sealed class EventRuleTests
{
    // A weekly guidance written for this test: a provincial People's Council session, the National Assembly's
    // session dated by the directive, and a day with its date.
    private const string Directive = """
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG
        Số: 2001/STTTT-TTBCXB
        V/v tuyên truyền nhiệm vụ chính trị (từ tuần 20/2025)

        Gia Lai, ngày 09 tháng 5 năm 2025

        I. Nội dung tuyên truyền

        1. Thông tin kết quả Kỳ họp thứ 9, Quốc hội khóa XV (từ ngày 05/5 đến ngày 28/6/2025), nhất là các luật được thông qua tại Kỳ họp.

        2. Tuyên truyền Kỳ họp thứ mười, Hội đồng nhân dân tỉnh khóa XII và các nghị quyết được thông qua.

        3. Tuyên truyền kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025).

        4. Phòng, chống sốt xuất huyết: hướng dẫn người dân diệt lăng quăng.
        """;

    private static async Task<Plan> ImportAsync(DateOnly? issued = null)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "guidance.txt");
        await File.WriteAllTextAsync(path, Directive);
        return await new DirectiveImporter().ImportAsync(path, new DirectiveImportOptions { Issued = issued }, CancellationToken.None);
    }

    private static Article Article(string title, DateTimeOffset published, string text = "", string? lead = null) => new()
    {
        Id = "a", Url = "", CanonicalUrl = "", Outlet = "Tuổi Trẻ", Title = title, Description = lead, Text = text, ContentHash = "", Published = published,
    };

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_session_the_directive_dates_gives_actor_and_action_rules_inside_those_dates()
    {
        var plan = await ImportAsync();
        var rules = plan.Themes.Single(t => t.Code == "1").Rules!;

        // The body from the directive's wording, the session's own dates (and two weeks of results after them).
        Assert.Contains(rules, r => r.StartsWith("(\"Quốc hội\") NEAR/8 (\"thông qua\" OR \"biểu quyết\" OR \"chốt\" OR \"chất vấn\"", StringComparison.Ordinal)
                                    && r.EndsWith("AND date:2025-05-05..2025-07-12", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.StartsWith("(\"dự luật\" OR \"dự án luật\" OR \"dự thảo luật\") NEAR/12", StringComparison.Ordinal));
        Assert.All(rules, r => Assert.Null(Monitor.Core.Tagging.Rules.RuleSyntax.Check(r, exclusion: false)));
    }

    [Fact]
    public void A_session_without_dates_is_taken_to_be_under_way_when_the_directive_is_issued()
    {
        var rules = EventRulesOf("Thông tin tuyên truyền kết quả Kỳ họp thứ 8, Quốc hội khóa XV", new DateOnly(2024, 11, 8));

        Assert.Contains(rules, r => r.Contains("\"Quốc hội\") NEAR/8", StringComparison.Ordinal) && r.EndsWith("date:2024-09-27..2024-12-20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provincial_council_session_names_the_council_as_the_actor()
    {
        var plan = await ImportAsync();
        var rules = plan.Themes.Single(t => t.Code == "2").Rules!;

        Assert.Contains(rules, r => r.StartsWith("(\"HĐND tỉnh\" OR \"Hội đồng nhân dân tỉnh\") NEAR/8", StringComparison.Ordinal));
        Assert.DoesNotContain(rules, r => r.Contains("dự luật", StringComparison.Ordinal));   // a council passes resolutions, not laws
    }

    [Fact]
    public async Task A_dated_day_gives_its_subject_and_its_date_as_the_press_writes_it_near_what_a_commemoration_does()
    {
        var plan = await ImportAsync(new DateOnly(2025, 5, 9));
        var rule = Assert.Single(plan.Themes.Single(t => t.Code == "3").Rules!, r => r.StartsWith("((\"Ngày sinh", StringComparison.Ordinal));

        Assert.StartsWith("((\"Ngày sinh Chủ tịch Hồ Chí Minh\" OR \"19-5\") EXCEPT (\"Luật Chủ tịch Hồ Chí Minh\" OR \"sáng 19-5\" OR \"trưa 19-5\" OR \"chiều 19-5\" OR \"tối 19-5\" OR \"đêm 19-5\" OR \"nay 19-5\")) NEAR/10 (\"kỷ niệm\"", rule, StringComparison.Ordinal);
        Assert.EndsWith("AND date:2025-04-19..2025-05-26", rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_theme_about_no_event_gets_no_event_rule()
    {
        var plan = await ImportAsync();

        Assert.DoesNotContain(plan.Themes.Single(t => t.Code == "4").Rules ?? [], r => r.Contains("date:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_article_with_the_actor_and_the_action_inside_the_window_counts_and_outside_it_does_not()
    {
        var matcher = new PlanMatcher(await ImportAsync());
        const string title = "Quốc hội chốt mức đóng kinh phí công đoàn 2%";
        const string text = "Với 443/456 đại biểu có mặt tán thành, Quốc hội đã thông qua Luật Công đoàn sửa đổi.";

        var inside = matcher.Tag(Article(title, Day(2025, 6, 20), text)).Themes.SingleOrDefault(t => t.Code == "1");
        Assert.NotNull(inside);
        Assert.Equal(ThemeGrade.Primary, inside.Grade);
        Assert.DoesNotContain(matcher.Tag(Article(title, Day(2025, 9, 20), text)).Themes, t => t.Code == "1");
        Assert.DoesNotContain(matcher.Tag(Article(title, Day(2025, 4, 1), text)).Themes, t => t.Code == "1");
    }

    [Fact]
    public async Task Another_countrys_parliament_passing_a_bill_is_not_the_session()
    {
        var matcher = new PlanMatcher(await ImportAsync());

        var found = matcher.Tag(Article("Quốc hội Mỹ thông qua dự luật ngân sách", Day(2025, 6, 1), "Các nghị sĩ Mỹ đã biểu quyết thông qua dự luật sau nhiều tuần tranh cãi.")).Themes;

        Assert.DoesNotContain(found, t => t.Code == "1");
    }

    [Fact]
    public async Task A_commemoration_inside_the_days_window_counts_and_a_year_later_it_does_not()
    {
        var matcher = new PlanMatcher(await ImportAsync(new DateOnly(2025, 5, 9)));
        const string title = "Nghệ An: nhiều hoạt động chào mừng 19-5";

        Assert.Contains(matcher.Tag(Article(title, Day(2025, 5, 18))).Themes, t => t.Code == "3" && t.Counts);
        Assert.DoesNotContain(matcher.Tag(Article(title, Day(2026, 5, 18))).Themes, t => t.Code == "3");
    }

    [Fact]
    public void A_law_named_after_the_people_a_day_honours_and_a_dateline_on_its_date_are_not_the_day()
    {
        var matcher = DayMatcher(new PlanEvent { Date = new DateOnly(2030, 11, 20), Title = "Ngày Nhà giáo Việt Nam" });
        bool Counts(string title, string text) => matcher.Tag(Article(title, Day(2030, 11, 20), text)).Themes.Any(t => t.Code == "7");

        Assert.True(Counts("Học trò tri ân nhà giáo nhân Ngày Nhà giáo Việt Nam", ""));
        Assert.True(Counts("Nhiều hoạt động chào mừng 20-11", ""));
        // The law named after teachers, and the day's date as the report's dateline, near a word of commemoration.
        Assert.False(Counts("Dự thảo Luật Nhà giáo được chỉnh lý", "Các đại biểu muốn dự thảo Luật Nhà giáo tri ân người đứng lớp bằng tiền lương."));
        Assert.False(Counts("Khánh thành cầu mới", "Sáng 20-11, tỉnh khánh thành cầu mới, chào mừng khách quý từ các tỉnh bạn."));
    }

    [Fact]
    public void The_people_a_day_honours_count_near_what_honours_them_not_when_they_welcome_a_guest()
    {
        var matcher = DayMatcher(new PlanEvent { Date = new DateOnly(2030, 11, 20), Title = "Ngày Nhà giáo Việt Nam" });
        bool Counts(string title, string text) => matcher.Tag(Article(title, Day(2030, 11, 18), text)).Themes.Any(t => t.Code == "7" && t.Counts);

        Assert.True(Counts("Học trò tri ân giáo viên vùng cao", "Nhân Ngày Nhà giáo Việt Nam, học trò về thăm trường cũ."));
        Assert.True(Counts("Tuyên dương 50 giáo viên tiêu biểu", "Chào mừng 20-11, sở tuyên dương các giáo viên."));
        Assert.True(Counts("Trường tổ chức mít tinh chào mừng 20-11", ""));
        // Teachers welcoming a visitor, teachers at their school's own anniversary: the people act, nobody honours them.
        Assert.False(Counts("Phu nhân Thủ tướng thăm trường mầm non", "Các cháu và giáo viên chào mừng đoàn khách bằng tiết mục múa."));
        Assert.False(Counts("Trường THPT Hòa Bình tròn 50 năm", "Giáo viên và cựu học sinh dự lễ kỷ niệm 50 năm thành lập trường."));
    }

    [Fact]
    public void The_army_day_counts_by_its_name_and_its_troops_only_when_they_are_honoured()
    {
        var matcher = DayMatcher(new PlanEvent { Date = new DateOnly(2030, 12, 22), Title = "Ngày thành lập Quân đội nhân dân Việt Nam" });
        bool Counts(string title, string text) => matcher.Tag(Article(title, Day(2030, 12, 10), text)).Themes.Any(t => t.Code == "7" && t.Counts);

        Assert.True(Counts("Tri ân bộ đội Cụ Hồ", "Hướng tới kỷ niệm 80 năm thành lập Quân đội nhân dân, đoàn viên thăm đơn vị."));
        Assert.True(Counts("Nhiều hoạt động kỷ niệm ngày thành lập Quân đội nhân dân", ""));
        Assert.False(Counts("Bộ đội diễu binh chào mừng Tổng thống nước bạn", ""));
    }

    [Fact]
    public void Teachers_honoured_in_the_month_count_only_when_the_day_itself_is_tied_to_the_story()
    {
        var matcher = DayMatcher(new PlanEvent { Date = new DateOnly(2030, 11, 20), Title = "Ngày Nhà giáo Việt Nam" });
        string? Grade(string title, string lead, string text)
        {
            return matcher.Tag(Article(title, Day(2030, 11, 15), text, lead)).Themes.SingleOrDefault(t => t.Code == "7")?.Grade;
        }

        // An award for teachers with no word of the day: the season's honouring of teachers, not the day.
        Assert.Null(Grade("Trao giải thưởng cho 60 giáo viên trẻ", "Bộ trưởng trao tặng bằng khen cho các giáo viên.", "Các nhà giáo được vinh danh vì những sáng kiến. Hội đồng đã tuyên dương 60 giáo viên từ 30 tỉnh."));
        // The day in the lead ties the same story to it.
        Assert.True(Grade("Trao giải thưởng cho 60 giáo viên trẻ", "Nhân Ngày Nhà giáo Việt Nam 20-11, bộ trao tặng bằng khen cho các giáo viên.", "Hội đồng đã tuyên dương 60 giáo viên từ 30 tỉnh.") is { } tied && ThemeGrade.Counts(tied));
        // The day named once, deep in a story about something else, is a mention.
        var scholarship = string.Join(" ", Enumerable.Range(1, 12).Select(i => $"Quỹ học bổng năm nay hỗ trợ học sinh ở huyện thứ {i} với tổng số tiền lớn."));
        Assert.Equal(ThemeGrade.Mention, Grade("Trao 500 suất học bổng cho học sinh nghèo", "Quỹ học bổng hỗ trợ học sinh vùng khó.",
            scholarship + " Nhân Ngày Nhà giáo Việt Nam, quỹ cũng trao tặng quà cho các thầy cô giáo. " + scholarship));
    }

    [Fact]
    public void Teachers_honoured_on_the_days_own_days_count_without_the_day_named()
    {
        // The ceremonies and visits of the day are held on it and in the days just before it: there the people the day
        // honours, honoured, are its story even when the text never names the day; earlier in the month they are not.
        var matcher = DayMatcher(new PlanEvent { Date = new DateOnly(2030, 11, 20), Title = "Ngày Nhà giáo Việt Nam" });
        bool Counts(int day) => matcher.Tag(Article("Lãnh đạo thành phố thăm các nhà giáo tiêu biểu", Day(2030, 11, day),
            "Đoàn đã đến thăm hỏi, chúc mừng các nhà giáo lão thành.", "Sáng nay, đoàn lãnh đạo thành phố đến thăm và tri ân các giáo viên tiêu biểu.")).Themes.Any(t => t.Code == "7" && t.Counts);

        Assert.True(Counts(19));
        Assert.True(Counts(17));
        Assert.True(Counts(21));
        Assert.False(Counts(16));
        Assert.False(Counts(22));
        // Teachers who welcome a guest on the day itself are still not honoured.
        Assert.DoesNotContain(matcher.Tag(Article("Phu nhân Thủ tướng thăm trường mầm non", Day(2030, 11, 19), "Các cháu và giáo viên chào mừng đoàn khách bằng tiết mục múa.")).Themes, t => t.Code == "7" && t.Counts);
    }

    [Fact]
    public void An_amending_bill_places_the_assembly_in_its_session_when_the_directive_names_the_sessions_amending_laws()
    {
        // "Quốc hội sẽ xem xét dự luật … sửa đổi", with no "kỳ họp" or "đại biểu": the directive's "các luật sửa đổi, bổ
        // sung được thông qua tại Kỳ họp" is what places such a bill in the session.
        const string lead = "Dự kiến tuần này Quốc hội sẽ xem xét dự luật Bảo hiểm y tế sửa đổi với nhiều điểm mới được mong đợi.";
        bool Counts(string themeTitle, string title, string text)
        {
            var theme = new Theme { Code = "2.5", Title = themeTitle, Window = new DateWindow { From = new DateOnly(2030, 11, 1) } };
            Parsing.EventRules.Apply(theme, theme.Title, [], new DateOnly(2030, 11, 1));
            return new PlanMatcher(new Plan { Id = "p", Themes = [theme] }).Tag(Article(title, Day(2030, 11, 20), text, lead)).Themes.Any(t => t.Code == "2.5" && t.Counts);
        }

        Assert.True(Counts("Kết quả Kỳ họp thứ 3, Quốc hội khóa XVI và các luật sửa đổi, bổ sung được thông qua tại Kỳ họp", "Những điểm mới về bảo hiểm y tế", ""));
        Assert.False(Counts("Kết quả Kỳ họp thứ 3, Quốc hội khóa XVI", "Những điểm mới về bảo hiểm y tế", ""));
        Assert.Contains(EventRulesOf("Kết quả Kỳ họp thứ 3, Quốc hội khóa XVI và các luật sửa đổi được thông qua", new DateOnly(2030, 11, 1)),
            r => r.Contains("(\"dự luật\" OR \"dự án luật\" OR \"dự thảo luật\") NEAR/6 (\"sửa đổi\")", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_presented_before_the_assembly_in_session_is_the_session_and_before_a_foreign_parliament_it_is_not()
    {
        var theme = new Theme { Code = "2.5", Title = "Kết quả Kỳ họp thứ 3, Quốc hội khóa XVI", Window = new DateWindow { From = new DateOnly(2030, 11, 1) } };
        Parsing.EventRules.Apply(theme, theme.Title, [], new DateOnly(2030, 11, 1));
        var matcher = new PlanMatcher(new Plan { Id = "p", Themes = [theme] });
        bool Counts(string title, string text) => matcher.Tag(Article(title, Day(2030, 11, 20), text)).Themes.Any(t => t.Code == "2.5" && t.Counts);

        Assert.True(Counts("Thu hồi hơn 600 tỉ đồng tài sản tham nhũng",
            "Sáng 20-11, Tổng Thanh tra trình bày báo cáo công tác phòng chống tham nhũng năm 2030 trước Quốc hội. Cơ quan thẩm tra đề nghị làm rõ nguyên nhân."));
        Assert.False(Counts("Thủ tướng Anh bảo vệ ngân sách", "Thủ tướng Anh trình bày báo cáo ngân sách trước Quốc hội Anh, phe đối lập phản đối."));
    }

    private static PlanMatcher DayMatcher(PlanEvent day)
    {
        var theme = new Theme { Code = "7", Title = "Tuyên truyền các ngày kỷ niệm", Window = new DateWindow { From = day.Date.AddDays(-40) } };
        Parsing.EventRules.Apply(theme, theme.Title, [day], day.Date.AddDays(-40));
        return new PlanMatcher(new Plan { Id = "p", Themes = [theme] });
    }

    private static List<string> EventRulesOf(string themeText, DateOnly issued)
    {
        var theme = new Theme { Code = "2.5", Title = themeText, Window = new DateWindow { From = issued } };
        Parsing.EventRules.Apply(theme, themeText, [], issued);
        return theme.Rules ?? [];
    }
}
