using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Exports;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>The theme's stories as a download: one row per article, a copy naming the original it repeats.</summary>
public sealed partial class ThemeModel
{
    public async Task<IActionResult> OnGetExportAsync(string plan, string code, string? table, string? format, CancellationToken ct)
    {
        if (await OnGetAsync(plan, code, ct) is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult || Stories is null)
        {
            return NotFound();
        }

        var rows = Stories.Stories.SelectMany(s => s.Copies.Select(c => (Article: c, Original: (ThemeArticle?)s.Original)).Prepend((s.Original, null)));
        var tables = new Dictionary<string, ExportTable>
        {
            ["stories"] = ExportTable.Of($"Chủ đề {Stories.Code}", rows,
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Loại", r => r.Original is null ? "tin gốc" : "bản đăng lại"),
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Ngày", r => r.Article.Day),
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Cơ quan báo chí", r => r.Article.Outlet),
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Tiêu đề", r => r.Article.Title),
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Tin gốc", r => r.Original?.Title),
                new ExportColumn<(ThemeArticle Article, ThemeArticle? Original)>("Địa chỉ", r => r.Article.Url)),
        };
        return ExportFile.Answer(tables, table, format, $"chu-de-{Stories.PlanId}-{Stories.Code}");
    }
}
