using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Forms;
using Monitor.Dashboards.Search;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages;

/// <summary>Tìm kiếm (/search): full-text search over the stored articles, with or without diacritics, filtered by
/// outlet, published day range and a plan's theme; the words marked in titles and snippets; 20 a page.</summary>
public sealed class SearchModel(ArticleSearch search, PlanStore plans) : PageModel
{
    public SearchQuery Query { get; private set; } = new("");

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public StoredPlan? Plan { get; private set; }

    public IReadOnlyList<string> Outlets { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct))
        {
            var offset = int.TryParse(Request.Query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
            Results = await search.SearchAsync(Query, offset, ArticleSearch.PageSize, ct);
        }
    }

    /// <summary>The results (every page, up to <see cref="ArticleSearch.MaxRows"/>) as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!await ReadAsync(ct))
        {
            return BadRequest(Error ?? "q: cần từ khóa tìm kiếm");
        }

        var all = await search.SearchAsync(Query, 0, ArticleSearch.MaxRows, ct);
        var tables = new Dictionary<string, ExportTable>
        {
            ["results"] = ExportTable.Of("Kết quả tìm kiếm", all.Hits,
                new ExportColumn<SearchHit>("Ngày", h => h.Day.Length == 10 ? DateOnly.ParseExact(h.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
                new ExportColumn<SearchHit>("Cơ quan báo chí", h => h.Outlet),
                new ExportColumn<SearchHit>("Chuyên mục", h => h.Section),
                new ExportColumn<SearchHit>("Tiêu đề", h => h.Title),
                new ExportColumn<SearchHit>("Chủ đề", h => string.Join(", ", h.Themes)),
                new ExportColumn<SearchHit>("Địa chỉ", h => h.Url)),
        };
        return ExportFile.Answer(tables, table, format, "tim-kiem");
    }

    /// <summary>The link to another page of the same results.</summary>
    public string Paged(int offset)
    {
        var query = Request.Query.Where(q => q.Key != "offset").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).ToList();
        query.Add(KeyValuePair.Create("offset", (string?)offset.ToString(CultureInfo.InvariantCulture)));
        return Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToString();
    }

    private async Task<bool> ReadAsync(CancellationToken ct)
    {
        Plans = await plans.LatestAsync(ct);
        Outlets = await search.OutletsAsync(ct);
        var planId = Text("plan");
        Plan = planId is null ? (Plans.Count > 0 ? Plans[0] : null) : Plans.FirstOrDefault(p => p.Id == planId);
        Query = new SearchQuery(Text("q") ?? "", Text("outlet"), null, null, Plan?.Id, Text("theme"));
        try
        {
            Query = Query with { From = Day("from"), To = Day("to") };
        }
        catch (FormatException e)
        {
            Error = e.Message;
        }

        if (Error is null && planId is not null && Plan is null)
        {
            Error = $"plan '{planId}': không có kế hoạch này";
        }
        else if (Error is null && Query.Theme is { } theme && Plan?.Plan.Themes.All(t => t.Code != theme) != false)
        {
            Error = $"theme '{theme}': kế hoạch {Plan?.Id} không có chủ đề này";
        }
        else if (Error is null && Query.From > Query.To)
        {
            Error = $"Từ ngày {Wording.Day(Query.From!.Value)} sau đến ngày {Wording.Day(Query.To!.Value)}";
        }

        if (Error is not null)
        {
            Response.StatusCode = 400;
            return false;
        }

        return SearchMarks.Words(Query.Text).Count > 0;
    }

    private string? Text(string key) => Request.Query[key].ToString() is { Length: > 0 } s ? s.Trim() : null;

    private DateOnly? Day(string key) => DayField.Parse(Text(key), key == "from" ? "Từ ngày" : "Đến ngày");
}
