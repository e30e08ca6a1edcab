using Monitor.Directives.Tests.Support;

namespace Monitor.Directives.Tests;

/// <summary>Directives written for the tests (other provinces, other weeks) that the importer was not tuned on.</summary>
public sealed class UnseenDirectiveTests
{
    [Fact]
    public async Task A_weekly_guidance_of_another_province_gives_themes_windows_quota_events_and_deadline()
    {
        var plan = await new DirectiveImporter().ImportAsync(Seeds.Data("gialai-2024-w49-weekly-guidance.txt"), new DirectiveImportOptions(), CancellationToken.None);

        Assert.Equal("1875/STTTT-TTBCXB", plan.Directive.Number);
        Assert.Equal(new DateOnly(2024, 11, 29), plan.Directive.Issued);
        Assert.Equal(["I.1", "I.2", "I.3"], plan.Themes.Select(t => t.Code));
        Assert.Equal("Phòng, chống bệnh sốt xuất huyết", plan.Themes[0].Title);
        Assert.Equal(new DateOnly(2024, 12, 2), plan.Themes[0].Window.From);
        Assert.Contains("Sở Y tế", plan.Themes[0].Units);
        Assert.Contains("2410/KH-UBND", plan.Themes[0].References);
        var quota = Assert.Single(plan.Quotas);
        Assert.Equal(("I.2", 2, "week"), (quota.Theme, quota.Count, quota.Period));
        Assert.Equal(["Báo Gia Lai", "Đài Phát thanh và Truyền hình Gia Lai"], quota.Outlets);
        Assert.Contains(plan.Events, e => e.Date == new DateOnly(2024, 12, 22) && e.Title.Contains("Quân đội nhân dân", StringComparison.Ordinal));
        Assert.Contains(plan.Deadlines, d => d.Recurrence == "monthly:25");
        Assert.Contains("Chợ 4.0", plan.Themes[1].Keywords);
    }

    [Fact]
    public async Task A_yearly_plan_of_another_province_gives_prefixed_codes_year_window_units_and_laws()
    {
        var plan = await new DirectiveImporter().ImportAsync(Seeds.Data("quangnam-2025-tourism-plan.txt"), new DirectiveImportOptions(), CancellationToken.None);

        Assert.Equal("Kế hoạch", plan.Directive.Type);
        Assert.Equal(["II.1", "II.2"], plan.Themes.Select(t => t.Code));
        Assert.All(plan.Themes, t => Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (t.Window.From!.Value, t.Window.To!.Value)));
        Assert.Contains("Sở Văn hóa, Thể thao và Du lịch", plan.Themes[0].Units);
        Assert.Contains("Báo Quảng Nam", plan.Themes[0].Outlets);
        Assert.Contains("Luật Bảo vệ môi trường", plan.Laws);
        var quota = Assert.Single(plan.Quotas);
        Assert.Equal(("II.1", "month"), (quota.Theme, quota.Period));
        Assert.Contains(plan.Deadlines, d => d.Date == new DateOnly(2025, 12, 15));
        Assert.Equal(["08-NQ/TW", "147/QĐ-TTg"], plan.References.Select(r => r.Number));
    }
}
