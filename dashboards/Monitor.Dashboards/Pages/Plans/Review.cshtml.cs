using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Review;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Plans;

/// <summary>/plans/{plan}/review, "Cần xem xét": the plan's undecided (article, theme) pairs the tagger is least sure
/// of, interleaved across themes (<see cref="ReviewQueue"/>), each with "Đúng" / "Không đúng" buttons that record the
/// same feedback as the article page; a decided pair leaves the queue.</summary>
public sealed class ReviewModel(PlanStore plans, ReviewQueue queue, FeedbackStore feedback, IArticleStore store) : PageModel
{
    /// <summary>Rows one page shows.</summary>
    public const int PageRows = 50;

    public StoredPlan Plan { get; private set; } = null!;

    public ReviewPage Queue { get; private set; } = new(0, []);

    /// <summary>False with the Elasticsearch store: the page says the queue is not supported there.</summary>
    public bool Supported { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)] public string? Outlet { get; set; }

    public string? Message { get; private set; }

    /// <summary>The page follows a recorded decision.</summary>
    public bool Saved { get; private set; }

    /// <summary>The outlets the filter offers: an editor's own, else those the plan's tags hold.</summary>
    public IReadOnlyList<string> Outlets { get; private set; } = [];

    public bool MayDecide(string outlet) => MonitorRoles.MayGiveFeedback(User, outlet);

    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken ct)
    {
        if (await LoadPlanAsync(plan, ct) is { } refused)
        {
            return refused;
        }

        if (Request.Query["saved"].ToString() is { Length: > 0 } saved)
        {
            Saved = true;
            Message = $"Đã ghi nhận nhận xét về chủ đề {saved}; cặp đó đã rời khỏi danh sách.";
        }

        await ReadAsync(ct);
        return Page();
    }

    /// <summary>Records "Đúng" (confirmed) or "Không đúng" (rejected) on one pair, then shows the queue again, filters kept.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string plan, string article, string code, string verdict, CancellationToken ct)
    {
        if (await LoadPlanAsync(plan, ct) is { } refused)
        {
            return refused;
        }

        if (await store.ArticleAsync(article ?? "", ct) is not { } stored)
        {
            return NotFound();
        }

        if (!MonitorRoles.MayGiveFeedback(User, stored.Outlet))
        {
            return Forbid();
        }

        if (Plan.Plan.Themes.All(t => t.Code != code) || verdict is not ("confirmed" or "rejected"))
        {
            Message = "Không ghi được: chủ đề hoặc nhận định không hợp lệ.";
            Response.StatusCode = 400;
            await ReadAsync(ct);
            return Page();
        }

        var v = verdict == "confirmed" ? Verdict.Confirmed : Verdict.Rejected;
        await feedback.RecordAsync(Plan.Id, stored.Id, code, v, null, User.Identity!.Name!, ct);
        return Redirect($"/plans/{Uri.EscapeDataString(Plan.Id)}/review?theme={Uri.EscapeDataString(Theme ?? "")}&outlet={Uri.EscapeDataString(Outlet ?? "")}&saved={Uri.EscapeDataString(code)}");
    }

    private async Task<IActionResult?> LoadPlanAsync(string plan, CancellationToken ct)
    {
        if (await plans.VersionsAsync(plan, ct) is not [.., var latest])
        {
            return NotFound();
        }

        Plan = latest;
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme;
        Outlet = string.IsNullOrWhiteSpace(Outlet) ? null : Outlet;
        if (!ReviewAccess.MayRead(User, Outlet))
        {
            return Forbid();
        }

        if (ReviewAccess.ThemeError(Plan, Theme) is { } error)
        {
            Message = error;
            Theme = null;
        }

        return null;
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        Supported = ReviewQueue.Reads(store);
        if (!Supported)
        {
            return;
        }

        Queue = await queue.ListAsync(Plan, ReviewAccess.Filter(User, Theme, Outlet, PageRows), ct);
        Outlets = ReviewAccess.Outlets(User) is { } own
            ? [.. own.Order(StringComparer.Ordinal)]
            : [.. (await store.OutletsAsync(Plan.Id, ct)).Append(Outlet).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
    }
}
