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
}
