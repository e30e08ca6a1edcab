using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Rules for themes whose subject is an event with no fixed words of its own (docs/tagging.md, "Event
/// themes"): a session of an elected body, a commemorated day. Such an event is written about through its actors and
/// what they do ("Quốc hội chốt …", "đại biểu chất vấn …", "tri ân thầy cô …"), so the rule is actor NEAR action, and
/// only inside the event's window (<c>date:</c>): "Quốc hội thông qua" in March is another session's news. The actor,
/// the dates and the verbs the directive uses come from the directive's own wording; the rest of the vocabulary is
/// what such an event is made of (the activities of a session as the Law on the Organisation of the National
/// Assembly lists them; what a commemoration does), never words of particular articles.</summary>
internal static partial class EventRules
{
    /// <summary>An ordinary session lasts three to six weeks; one a directive reports on without dates ("kết quả Kỳ họp
    /// thứ 8") is under way when the directive is issued, so its window is this many days either side of that day.</summary>
    public const int SessionReach = 42;

    /// <summary>Coverage of a commemorated day starts weeks before it ("hướng tới …") and ends days after.</summary>
    public const int DayLeadIn = 30;

    public const int DayAfter = 7;

    /// <summary>The day's own days: the ceremonies, visits and awards of a commemorated day are held on it and in the
    /// days just before it, and reported the morning after. Inside them the people the day honours, honoured, are the
    /// day's story even when the text does not name the day ("sáng 19-11, lãnh đạo thành phố đến thăm và tri ân các nhà
    /// giáo tiêu biểu"); earlier in the month only when the title or lead names it (<see cref="Day"/>).</summary>
    public const int OwnDaysBefore = 3;

    public const int OwnDaysAfter = 1;

    // "Kỳ họp thứ 8, Quốc hội khóa XV", "kỳ họp thứ mười HĐND tỉnh khóa XII", "Kỳ họp bất thường của Hội đồng nhân dân tỉnh".
    [GeneratedRegex(@"Kỳ họp (?:thứ \S+?|bất thường)[,\s]+(?:của\s+)?(?<body>Quốc hội|Hội đồng nhân dân|HĐND)(?<level>\s+(?:tỉnh|thành phố|huyện))?", RegexOptions.IgnoreCase)]
    private static partial Regex SessionPattern();

    // "các luật sửa đổi, bổ sung được thông qua tại Kỳ họp": the directive's own words for the session's bills.
    [GeneratedRegex(@"\bluật\s+(?<amend>sửa đổi(?:,?\s+bổ sung)?)", RegexOptions.IgnoreCase)]
    private static partial Regex AmendingLaws();

    // "(từ ngày 21/10 đến ngày 30/11/2024)": a session the directive dates itself.
    [GeneratedRegex(@"từ\s+(?:ngày\s+)?(?<d1>\d{1,2})/(?<m1>\d{1,2})(?:/(?<y1>\d{4}))?\s+đến\s+(?:hết\s+)?(?:ngày\s+)?(?<d2>\d{1,2})/(?<m2>\d{1,2})/(?<y2>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    /// <summary>What an elected body does in session (Luật Tổ chức Quốc hội: it discusses, questions, votes, passes,
    /// approves, elects and dismisses); the directive's own verb about the session ("được thông qua tại Kỳ họp") is
    /// among them. "chất vấn" folds like "chất văn", a word no news uses near "Quốc hội".</summary>
    private static readonly string[] SessionActions =
    [
        "thông qua", "biểu quyết", "chốt", "chất vấn", "thảo luận", "cho ý kiến", "phê chuẩn", "bầu", "miễn nhiệm",
        "đã nghe", "nghe tờ trình", "nghe báo cáo", "xem xét", "giải trình", "tán thành",
    ];

    /// <summary>Words of a session, of its members and of its procedure as the Vietnamese press writes them ("đại
    /// biểu" of a People's body, where a foreign parliament has "nghị sĩ"; "báo cáo thẩm tra"; the Standing
    /// Committee): "kỳ họp" is the directive's own word for the event.</summary>
    private static readonly string[] SessionContext = ["kỳ họp", "đại biểu", "phiên họp", "phiên thảo luận", "thẩm tra", "Ủy ban Thường vụ"];

    /// <summary>What is presented to a session: a report, a bill's submission ("tờ trình").</summary>
    private static readonly string[] Presented = ["trình bày", "báo cáo", "tờ trình"];

    /// <summary>A bill before the session is its business too, whoever speaks of it ("nêu ý kiến về dự Luật Nhà giáo
    /// tại tổ", "tiếp thu, chỉnh lý dự Luật Bảo hiểm y tế").</summary>
    private static readonly string[] Bills = ["dự luật", "dự án luật", "dự thảo luật"];

    private static readonly string[] BillActions =
    [
        "thảo luận", "tại tổ", "ở tổ", "hội trường", "cho ý kiến", "thẩm tra", "tờ trình", "tiếp thu", "chỉnh lý", "thông qua",
        "biểu quyết", "trình Quốc hội",
    ];

    /// <summary>What a commemoration is made of. Words that fold onto everyday words are left out: "lễ" (the name
    /// Lê), "thăm" (tham), "tặng" (tăng), "quà" (qua), "hướng đến" (hưởng đến); so is "tôn vinh", which is also how a
    /// law or a policy speaks of a profession ("quy định đặc thù để tôn vinh nhà giáo" in a bill).</summary>
    private static readonly string[] DayActions =
    [
        "kỷ niệm", "chào mừng", "tri ân", "vinh danh", "tuyên dương", "chúc mừng", "gặp mặt", "mít tinh",
        "trao tặng", "khen thưởng", "dịp", "nhân ngày",
    ];

    /// <summary>What is done to the people a day honours on their day. The people also act on any other day: teachers
    /// "chào mừng" a visiting guest, hold a "mít tinh", mark their school's "kỷ niệm 50 năm", troops parade "chào mừng"
    /// a head of state; so near the people, unlike near the day's name or date, only honouring counts.</summary>
    private static readonly string[] HonourActions = ["tri ân", "vinh danh", "tuyên dương", "chúc mừng", "trao tặng", "khen thưởng", "nhân ngày"];

    /// <summary>A day named after <c>Named</c>: the other names the press gives it, and the people the day honours as
    /// the press names them ("thầy cô" alone folds like "thấy có").</summary>
    private static readonly (string Named, string[] Names, string[] People)[] Honoured =
    [
        ("nhà giáo", [], ["thầy cô giáo", "các thầy cô", "giáo viên"]),
        ("quân đội nhân dân", ["Quân đội nhân dân"], ["bộ đội"]),
    ];

    /// <summary>Times of day a news report dates itself with ("sáng 20-11", "chiều nay 20-11"); "nay" covers "hôm nay",
    /// "sáng nay".</summary>
    private static readonly string[] Datelines = ["sáng", "trưa", "chiều", "tối", "đêm", "nay"];

    // The day's own name as the press writes it: "Ngày Nhà giáo", "Ngày thành lập Quân đội nhân dân" (no count of years,
    // no "kỷ niệm", no "Việt Nam"); "thành lập …"/"truyền thống …" is also the anniversary without "Ngày".
    [GeneratedRegex(@"^(?:\d+\s+năm\s+)?(?:kỷ niệm\s+)?(?<name>Ngày\s+(?:hội\s+)?(?<founding>(?:thành lập|truyền thống)\s+)?.+?)(?:\s+Việt Nam)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DayName();

    // Words of a day's name that are not its subject: "Ngày … Việt Nam", "thành lập", "truyền thống", "sinh", "80 năm".
    [GeneratedRegex(@"^(?:\d+\s+năm\s+)?(?:kỷ niệm\s+)?Ngày\s+(?:hội\s+)?(?:thành lập\s+|truyền thống\s+|Hiến chương\s+|sinh\s+)?|\s+Việt Nam$", RegexOptions.IgnoreCase)]
    private static partial Regex DayWords();

    /// <summary>Adds the theme's event rules: one for a session it names, one for each dated day its text names.</summary>
    public static void Apply(Theme theme, string ownText, IEnumerable<PlanEvent> events, DateOnly? issued)
    {
        var anchor = issued ?? theme.Window.From;
        var rules = new List<string>();
        if (Session(theme.Title + " " + theme.Description, ownText, anchor) is { } session)
        {
            rules.AddRange(session);
        }

        foreach (var e in events)
        {
            rules.AddRange(Day(e, anchor));
        }

        if (rules.Count > 0)
        {
            theme.Rules = [.. theme.Rules ?? [], .. rules.Distinct().Except(theme.Rules ?? [])];
        }
    }

    /// <summary>The session rules of a theme that names a session, or null.</summary>
    internal static List<string>? Session(string themeText, string ownText, DateOnly? anchor)
    {
        var m = SessionPattern().Match(TextTools.Clean(themeText));
        if (!m.Success)
        {
            return null;
        }

        string[] actors = m.Groups["body"].Value.Equals("Quốc hội", StringComparison.OrdinalIgnoreCase)
            ? ["Quốc hội"]
            : [$"HĐND{m.Groups["level"].Value}", $"Hội đồng nhân dân{m.Groups["level"].Value}"];
        var window = SessionWindow(ownText, anchor);
        if (window is null)
        {
            return null;
        }

        // The body of the directive, not another country's parliament ("Quốc hội Mỹ thông qua dự luật"): the article
        // speaks of the session or of the body's members as the directive and the Vietnamese press name them. NOT NOT
        // makes that a condition without evidence: "đại biểu" in a lead is no sign that the session is the subject.
        // A directive that reports on the session's amending laws ("các luật sửa đổi, bổ sung được thông qua tại Kỳ
        // họp") names what the press calls them, a bill near those words ("dự luật Bảo hiểm y tế sửa đổi"): that places
        // the article in this session as surely as "kỳ họp" does.
        var context = new List<string>(SessionContext.Select(c => $"\"{c}\""));
        if (actors[0] == "Quốc hội" && AmendingLaws().Match(TextTools.Clean(themeText)) is { Success: true } amend)
        {
            string[] words = amend.Groups["amend"].Value.Contains("bổ sung", StringComparison.OrdinalIgnoreCase) ? ["sửa đổi", "bổ sung"] : ["sửa đổi"];
            context.Add($"({Or(Bills)}) NEAR/6 ({Or(words)})");
        }

        var own = $"NOT NOT ({string.Join(" OR ", context)}) AND {DateTerm(window.Value.From, window.Value.To)}";
        // A report or a bill is presented "before" the body in session ("trình bày báo cáo công tác phòng chống tham
        // nhũng năm 2024 trước Quốc hội"): the Law's "the session hears reports", told from the presenter's side, with
        // the report's title between verb and body, so a wider reach than the actor's rule.
        var rules = new List<string>
        {
            $"({Or(actors)}) NEAR/8 ({Or(SessionActions)}) AND {own}",
            $"({Or(Presented)}) NEAR/12 ({Or(actors.Select(a => $"trước {a}"))}) AND {own}",
        };
        if (actors[0] == "Quốc hội")
        {
            rules.Add($"({Or(Bills)}) NEAR/12 ({Or(BillActions)}) AND NOT NOT \"Quốc hội\" AND {own}");
        }

        return rules;
    }

    /// <summary>The session's dates when the directive gives them ("từ ngày 21/10 đến ngày 30/11/2024", results
    /// reported for two weeks after), else <see cref="SessionReach"/> days either side of the issue date.</summary>
    private static (DateOnly From, DateOnly To)? SessionWindow(string text, DateOnly? anchor)
    {
        if (RangePattern().Match(text) is { Success: true } r)
        {
            var to = TextTools.ToDate(r.Groups["d2"].Value, r.Groups["m2"].Value, r.Groups["y2"].Value);
            var from = TextTools.ToDate(r.Groups["d1"].Value, r.Groups["m1"].Value, r.Groups["y1"].Success ? r.Groups["y1"].Value : r.Groups["y2"].Value);
            if (from is { } f && to is { } t && f <= t)
            {
                return (f, t.AddDays(14));
            }
        }

        return anchor is { } a ? (a.AddDays(-SessionReach), a.AddDays(SessionReach)) : null;
    }

    /// <summary>A day's rules: what it is named after, or its date as the press writes it ("20-11"), near what a
    /// commemoration does; the people it honours ("giáo viên") near what honours them; from <see cref="DayLeadIn"/> days
    /// before (or the directive's issue, when earlier: "hướng tới kỷ niệm" a month and more ahead) to
    /// <see cref="DayAfter"/> days after.</summary>
    internal static IEnumerable<string> Day(PlanEvent e, DateOnly? anchor)
    {
        var subjects = new List<string>();
        var day = new List<string>();
        foreach (var part in e.Title.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var subject = DayWords().Replace(DayWords().Replace(part.Trim(), ""), "").Trim();
            if (subject.Split(' ').Length >= 2 && !subjects.Contains(subject, StringComparer.OrdinalIgnoreCase))
            {
                subjects.Add(subject);
            }

            if (DayName().Match(part.Trim()) is { Success: true } n)
            {
                var name = n.Groups["name"].Value;
                day.Add(name);
                if (n.Groups["founding"].Success)
                {
                    day.Add(name[(n.Groups["founding"].Index - n.Groups["name"].Index)..]);
                }
            }
        }

        // A law named after the people a day honours is the law ("dự thảo Luật Nhà giáo"), and the day's date after a
        // time of day is a dateline ("sáng 20-11, Quốc hội thảo luận …"): neither is the day.
        var date = e.Date.ToString("d-M", CultureInfo.InvariantCulture);
        var not = subjects.Select(s => $"Luật {s}").Concat(Datelines.Select(d => $"{d} {date}")).ToList();
        var folded = TextTools.Fold(string.Join(" ", subjects));
        var people = new List<string>();
        foreach (var (_, names, press) in Honoured.Where(h => TextTools.ContainsWords(folded, TextTools.Fold(h.Named))))
        {
            subjects.AddRange(names.Where(p => !subjects.Contains(p, StringComparer.OrdinalIgnoreCase)));
            people.AddRange(press);
        }

        day.Add(date);
        var from = e.Date.AddDays(-DayLeadIn);
        if (anchor is { } a && a < from)
        {
            from = a;
        }

        // The day itself, its name or its date, near what a commemoration does, counts wherever it is (the grade then
        // asks where). What the day is named after ("nhà giáo", "Quân đội nhân dân") and the people it honours are also
        // honoured on any other day of the month: they are the day's evidence only when the title or the lead names the
        // day ("Tuyên dương 50 giáo viên tiêu biểu" is the day's story when its lead says "nhân Ngày Nhà giáo 20-11").
        var window = DateTerm(from, e.Date.AddDays(DayAfter));
        var own = DateTerm(e.Date.AddDays(-OwnDaysBefore), e.Date.AddDays(OwnDaysAfter));
        var named = $"({Or(day.Distinct(StringComparer.OrdinalIgnoreCase))}) EXCEPT ({Or(not)})";
        var tied = $"NOT NOT (title:({named}) OR lead:({named}))";
        yield return $"({named}) NEAR/10 ({Or(DayActions)}) AND {window}";
        if (subjects.Count > 0)
        {
            var subject = $"(({Or(subjects)}) EXCEPT ({Or(not)})) NEAR/10 ({Or(DayActions)})";
            yield return $"{subject} AND {tied} AND {window}";
            yield return $"{subject} AND {own}";
        }

        if (people.Count > 0)
        {
            var honoured = $"({Or(people)}) NEAR/10 ({Or(HonourActions)})";
            yield return $"{honoured} AND {tied} AND {window}";
            yield return $"{honoured} AND {own}";
        }
    }

    private static string DateTerm(DateOnly from, DateOnly to) =>
        $"date:{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Or(IEnumerable<string> phrases) => string.Join(" OR ", phrases.Select(p => $"\"{p}\""));
}
