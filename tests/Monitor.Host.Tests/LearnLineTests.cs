using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Host.Learning;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

namespace Monitor.Host.Tests;

/// <summary>The line `monitor feedback learn` prints (and the nightly job logs): a theme that learnt near misses says how
/// many added articles the matcher had missed and which cues it looks for; a theme without says nothing more.</summary>
public sealed class LearnLineTests
{
    [Fact]
    public void A_theme_with_near_misses_names_its_added_articles_and_cues_and_one_without_reads_as_before()
    {
        var plan = new StoredPlan("w46", 2, DateTimeOffset.UnixEpoch, new Plan { Id = "w46" });
        var model = new RelevanceModel
        {
            PlanId = "w46", PlanVersion = 2, FeedbackCount = 5, DemoteBelow = 0.4, PromoteAbove = 0.7, NearPromoteAbove = 0.5,
            Themes = new SortedDictionary<string, ThemeModel>(StringComparer.Ordinal)
            {
                ["2.5"] = new(0, new Dictionary<int, double>(), 0, 2, 8, 30),
                ["2.7"] = new(0, new Dictionary<int, double>(), 3, 0, 6, 40) { Near = 3, NearCues = ["nha giao", "tri an"] },
            },
        };

        var line = LearnCommand.Describe(plan, new LearnSummary(model, 120, Changed: true));

        Assert.Equal("kế hoạch w46 phiên bản 2: học từ 5 nhận xét và 120 bài; 2.5: 0 xác nhận, 2 bác bỏ, 8 bài tự gắn chắc chắn; "
            + "2.7: 3 xác nhận, 0 bác bỏ, 6 bài tự gắn chắc chắn, 3 bài được thêm mà bộ gắn bỏ sót (dấu hiệu yếu: nha giao, tri an)", line);
    }
}
