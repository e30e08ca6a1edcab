using Monitor.Core.Articles;
using Monitor.Core.Plans;

namespace Monitor.Host.Tests.Support;

/// <summary>The second-opinion tests' fixture: a one-theme plan and articles whose only hit is one body mention a few
/// hundred characters in (partial, score under twice the threshold: borderline). Shared by the CLI, worker and page tests
/// here and by the Kafka tagger's test (Monitor.Kafka.Tests links this file).</summary>
internal static class BorderlinePairs
{
    public static readonly Plan Plan = new()
    {
        Id = "w46",
        Themes = [new Theme { Code = "2.5", Title = "Kỳ họp thứ 8, Quốc hội khóa XV", Keywords = ["Quốc hội thông qua"] }],
    };

    public static string Filler(int i) => string.Concat(Enumerable.Repeat($"Nhà thầu số {i} thi công cao tốc, giải phóng mặt bằng. ", 9));

    /// <summary>Article <paramref name="i"/>: borderline for theme 2.5, published 2024-11-20 (inside the plan's open window).</summary>
    public static Article Road(int i)
    {
        var title = $"Khởi công đường vành đai {i}";
        var text = Filler(i) + $"Dự án vành đai {i} do Quốc hội thông qua chủ trương năm ngoái. " + Filler(i + 1);
        return new Article
        {
            Id = $"road-{i}", Url = $"https://x.vn/road-{i}", CanonicalUrl = $"https://x.vn/road-{i}", Outlet = "x.vn", Title = title, Text = text,
            ContentHash = ArticleId.ContentHash(title, null, text), Published = new DateTimeOffset(2024, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        };
    }
}
