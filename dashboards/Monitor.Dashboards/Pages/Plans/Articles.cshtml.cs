using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Overview;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/articles: exactly the articles a number counted (theme, outlet, period, section, or a quota).</summary>
public sealed partial class ArticlesModel(ArticleLists lists) : PageModel
{
    public ArticleList? List { get; private set; }

    public string? Error { get; private set; }

    public string Next { get; private set; } = "";

    public string Previous { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(Request.Query);
        if (filters is null)
        {
            Error = error;
            Response.StatusCode = 400;
            return Page();
        }

        List = await lists.ListAsync(filters with { Plan = plan }, Request.Query, ct);
        if (List is null)
        {
            return NotFound();
        }

        if (List.Error is not null)
        {
            Error = List.Error;
            Response.StatusCode = 400;
        }

        Next = Paged(List.Offset + ArticleLists.PageSize);
        Previous = Paged(Math.Max(0, List.Offset - ArticleLists.PageSize));
        return Page();
    }

    private string Paged(int offset)
    {
        var query = Request.Query.Where(q => q.Key != "offset").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).ToList();
        query.Add(KeyValuePair.Create("offset", (string?)offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToString();
    }
}
