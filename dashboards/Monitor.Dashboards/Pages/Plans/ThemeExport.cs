using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Exports;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>The theme's stories as a download: one row per article (every story, not one page), a copy naming the
/// original it repeats, newest story first as the page lists them; read 1,000 stories at a time as the file is written.</summary>
public sealed partial class ThemeModel
{
    private const int ExportPage = 1000;

    public async Task<IActionResult> OnGetExportAsync(string plan, string code, string? table, string? format, CancellationToken ct)
    {
        if (await LoadAsync(plan, code, new StoryPage(0, 0, WithText: false), ct) is not { } stored)
        {
            return NotFound();
        }

        var rows = new StreamedTable("stories", $"Chủ đề {code}", ["Loại", "Ngày", "Cơ quan báo chí", "Tiêu đề", "Tin gốc", "Địa chỉ"], c => RowsAsync(stored, Stories!, c));
        return StreamedExport.Answer(rows, table, format, $"chu-de-{stored.Id}-{code}");
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(StoredPlan plan, ThemeStories first, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var offset = 0; offset < first.Total; offset += ExportPage)
        {
            var page = await coverage.StoriesAsync(plan, first.Code, first.AsOf, new StoryPage(offset, ExportPage, WithText: false), ct);
            foreach (var s in page?.Stories ?? [])
            {
                yield return Row(s.Original, null);
                foreach (var c in s.Copies)
                {
                    yield return Row(c, s.Original);
                }
            }
        }
    }

    private static object?[] Row(ThemeArticle a, ThemeArticle? original) =>
        [original is null ? "tin gốc" : "bản đăng lại", a.Day, a.Outlet, a.Title, original?.Title, a.Url];
}
