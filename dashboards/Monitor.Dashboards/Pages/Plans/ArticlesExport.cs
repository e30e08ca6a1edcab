using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>The counted articles as a download: every article of the number (not one page), up to <see cref="MaxRows"/>.</summary>
public sealed partial class ArticlesModel
{
    public const int MaxRows = 100_000;

    public async Task<IActionResult> OnGetExportAsync(string plan, string? table, string? format, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(Request.Query);
        if (filters is null)
        {
            return BadRequest(error!);
        }

        var list = await lists.ListAsync(filters with { Plan = plan }, Request.Query, ct, MaxRows);
        if (list is null || list.Error is not null)
        {
            return list is null ? NotFound() : BadRequest(list.Error!);
        }

        var tables = new Dictionary<string, ExportTable>
        {
            ["articles"] = ExportTable.Of("Bài được đếm", list.Articles,
                new ExportColumn<ListedArticle>("Ngày", a => DateOnly.ParseExact(a.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new ExportColumn<ListedArticle>("Cơ quan báo chí", a => a.Outlet),
                new ExportColumn<ListedArticle>("Chuyên mục", a => a.Section),
                new ExportColumn<ListedArticle>("Tiêu đề", a => a.Title),
                new ExportColumn<ListedArticle>("Chủ đề", a => string.Join(", ", a.Themes)),
                new ExportColumn<ListedArticle>("Địa chỉ", a => a.Url)),
        };
        return ExportFile.Answer(tables, table, format, "bai-" + list.Plan);
    }
}
