using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Learning;

/// <summary>The learning tests' small plan (the session and the teachers' day, one keyword each), its matcher, and
/// invented articles' parts.</summary>
internal static class LearningFixture
{
    public static readonly Plan Plan = new()
    {
        Id = "w46",
        Themes =
        [
            new Theme { Code = "2.5", Title = "Kỳ họp thứ 8", Keywords = ["Quốc hội thông qua"] },
            new Theme { Code = "2.7", Title = "Ngày Nhà giáo Việt Nam", Keywords = ["Ngày Nhà giáo"] },
        ],
    };

    public static readonly PlanMatcher Matcher = new(Plan);

    /// <summary>A paragraph about something else (coffee), <paramref name="times"/> sentences long.</summary>
    public static string Filler(int i, int times = 8) => string.Concat(Enumerable.Repeat($"Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê số {i}, giá tăng so với năm trước, thương lái thu mua tại vườn. ", times));

    public static Article Article(string id, string title, string text, string? lead = null) =>
        new() { Id = id, Url = "", CanonicalUrl = "", Outlet = "Báo", Title = title, Description = lead, Text = text, ContentHash = "" };

    /// <summary>The teachers' day itself: tagged by the matcher.</summary>
    public static Article Day(int i) => Article($"day-{i}", $"Học sinh trường số {i} tri ân thầy cô dịp Ngày Nhà giáo",
        $"Học sinh tặng hoa, tri ân thầy cô nhân Ngày Nhà giáo, nhà trường tổ chức lễ kỷ niệm, tuyên dương nhà giáo tiêu biểu số {i}.");

    /// <summary>Teachers honoured without the day's name: the matcher misses it, "nhà giáo" is there (a near miss).</summary>
    public static Article Honour(int i) => Article($"honour-{i}", $"Thành phố tuyên dương nhà giáo tiêu biểu lần {i}",
        $"Sáng nay, thành phố tuyên dương các nhà giáo tiêu biểu, tri ân thầy cô đã cống hiến cho sự nghiệp giáo dục, trao bằng khen cho nhà giáo có thành tích xuất sắc số {i}.");

    /// <summary>The draft law on teachers' pay: also holds "nhà giáo", not the day.</summary>
    public static Article Law(int i) => Article($"law-{i}", $"Dự thảo luật về lương nhà giáo số {i}",
        $"Ban soạn thảo đề xuất bảng lương riêng cho nhà giáo, phụ cấp thâm niên, chính sách tuyển dụng và điều động nhà giáo, định mức biên chế số {i}. " + Filler(i, 4));
}
