using Monitor.Core.Plans;
using Monitor.Dashboards.Plans;

namespace Monitor.Dashboards.Tests;

/// <summary>The editor's check without a browser: the plan checker's messages land at the form row and field they
/// concern, and a clean form gives the plan the store will hold.</summary>
public sealed class PlanEditorTests
{
    private static Plan Sample() => new()
    {
        Themes =
        [
            new Theme { Code = "1.2", Title = "Ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"], Window = new DateWindow { From = new(2024, 11, 11), To = new(2024, 11, 24) }, Description = "Mô tả" },
            new Theme { Code = "2.5", Title = "Kỳ họp thứ 8", Keywords = ["kỳ họp thứ 8"] },
        ],
        Quotas = [new Quota { Theme = "1.2", Count = 2, Unit = "tin, bài", Period = "week", Outlets = ["Báo Kon Tum"] }],
    };

    [Fact]
    public void Each_checker_error_is_placed_at_its_row_and_field()
    {
        var form = PlanForm.Of(Sample(), "w46", null, 1);
        form.Themes[0].From = "2024-11-30";
        form.Themes[1].Code = "1.2";
        form.Quotas[0].Count = "hai";

        var check = PlanEditor.Check(Sample(), form);

        Assert.False(check.Ok);
        Assert.Equal(
            [
                ("quotas", 0, "Count", "chỉ tiêu: count phải là số nguyên dương"),
                ("themes", 0, "From", "chủ đề '1.2': thời gian bắt đầu 2024-11-30 sau ngày kết thúc 2024-11-24"),
                ("themes", 1, "Code", "mã chủ đề '1.2' trùng với một chủ đề trước; mỗi chủ đề cần một mã riêng"),
            ],
            check.Messages.Where(m => m.IsError).Select(m => (m.Section ?? "", m.Row, m.Field ?? "", m.Text)).OrderBy(m => m.Item1, StringComparer.Ordinal).ThenBy(m => m.Row));
    }

    [Fact]
    public void A_clean_form_gives_the_plan_with_the_fields_the_form_does_not_show_carried_over()
    {
        var form = PlanForm.Of(Sample(), "w46", null, 1);
        form.Themes[1].Keywords += "\nkỳ họp thứ tám\n\n kỳ họp thứ 8 ";
        form.Themes.Add(new ThemeForm { Code = "4.1", Title = "Phòng cháy", Keywords = "phòng cháy" });

        var check = PlanEditor.Check(Sample(), form);

        Assert.True(check.Ok, string.Join("; ", check.Messages.Select(m => m.Text)));
        Assert.Equal("w46", check.Plan!.Id);
        Assert.Equal(["kỳ họp thứ 8", "kỳ họp thứ tám"], check.Plan.Themes[1].Keywords);
        Assert.Equal("Mô tả", check.Plan.Themes[0].Description);
        Assert.Equal(new DateOnly(2024, 11, 24), check.Plan.Themes[0].Window.To);
        Assert.Equal(2, check.Plan.Quotas[0].Count);
        Assert.Equal("4.1", check.Plan.Themes[2].Code);
    }

    [Fact]
    public void The_diff_names_themes_added_removed_changed_and_quotas_changed_in_count()
    {
        var after = Sample();
        after.Themes.RemoveAt(1);
        after.Themes[0].Keywords.Add("bếp ăn");
        after.Themes[0].Window.To = new DateOnly(2024, 12, 1);
        after.Themes.Add(new Theme { Code = "4.1", Title = "Phòng cháy" });
        after.Quotas[0].Count = 3;

        var diff = PlanDiff.Compare(Sample(), after);

        Assert.Equal(["4.1"], diff.ThemesAdded.Select(t => t.Code));
        Assert.Equal(["2.5"], diff.ThemesRemoved.Select(t => t.Code));
        Assert.Equal([("Thời gian", "11/11/2024 – 24/11/2024", "11/11/2024 – 01/12/2024"), ("Từ khóa", null, null)],
            diff.ThemesChanged.Single().Fields.Select(f => (f.Field, f.Before, f.After)));
        Assert.Equal(["bếp ăn"], diff.ThemesChanged.Single().Fields[1].Added);
        Assert.Equal(("1.2: 2 tin, bài/tuần — Báo Kon Tum", "1.2: 3 tin, bài/tuần — Báo Kon Tum"), (diff.QuotasChanged.Single().Before.Text, diff.QuotasChanged.Single().After.Text));
    }
}
