using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Overview;

namespace Monitor.Dashboards.Pages;

/// <summary>Tổng quan's downloads: ?handler=export&amp;table=heat|matrix|quotas|gaps&amp;format=csv|xlsx under the page's filters.</summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        await OnGetAsync(ct);
        return Data is null ? NotFound(Error ?? "không có kế hoạch") : ExportFile.Answer(OverviewExports.Tables(Data), table, format, "tong-quan-" + Data.Plan);
    }
}
