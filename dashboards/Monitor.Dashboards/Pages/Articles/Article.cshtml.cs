using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Articles;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Pages.Articles;

/// <summary>Bài viết: the article as stored with the evidence marked in title, lead and body, its themes per plan with
/// scores, cited documents, near-duplicates, versions; and the feedback form for those who may give it.</summary>
public sealed partial class ArticleModel(ArticleDetails details, FeedbackStore feedback, PlanStore plans, IArticleStore store) : PageModel
{
    public Article Article { get; private set; } = null!;

    public int Version { get; private set; }

    public IReadOnlyList<StoredTag> Tags { get; private set; } = [];

    public IReadOnlyList<string> References { get; private set; } = [];

    public IReadOnlyList<Duplicate> Duplicates { get; private set; } = [];

    public IReadOnlyList<ArticleChange> Changes { get; private set; } = [];

    public IReadOnlyList<FeedbackEntry> Feedback { get; private set; } = [];

    public IReadOnlyList<StoredPlan> Plans { get; private set; } = [];

    public IReadOnlyList<Mention> Mentions { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The themes of a plan the page lists: those tagged and those a person decided on, in the plan's order.</summary>
    public IReadOnlyList<ThemeRow> ThemeRows(StoredPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tags = Tags.Where(t => t.Plan == plan.Id).ToDictionary(t => t.Theme);
        var decisions = FeedbackStore.Latest(Feedback, plan.Id);
        return plan.Plan.Themes.Where(t => tags.ContainsKey(t.Code) || decisions.ContainsKey(t.Code))
            .Select(t => new ThemeRow(plan.Id, t.Code, t.Title, tags.GetValueOrDefault(t.Code), decisions.GetValueOrDefault(t.Code))).ToList();
    }

    public bool MayGiveFeedback => MonitorRoles.MayGiveFeedback(User, Article.Outlet);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Records a decision: verdict confirmed|rejected|added for a theme of a plan, with an optional reason.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(string id, string plan, string theme, string verdict, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayGiveFeedback)
        {
            return Forbid();
        }

        var stored = Plans.FirstOrDefault(p => p.Id == plan);
        if (stored is null || stored.Plan.Themes.All(t => t.Code != theme) || !Enum.TryParse<Verdict>(verdict, ignoreCase: true, out var v) || !Enum.IsDefined(v))
        {
            Message = "Không ghi được: kế hoạch, chủ đề hoặc nhận định không hợp lệ.";
            Response.StatusCode = 400;
            return Page();
        }

        await feedback.RecordAsync(plan, id, theme, v, reason?.Length > 500 ? reason[..500] : reason, User.Identity!.Name!, ct);
        return Redirect($"/articles/{Uri.EscapeDataString(id)}?saved={Uri.EscapeDataString(theme)}#feedback");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await details.ArticleAsync(id, ct) is not { } article)
        {
            return false;
        }

        Article = article;
        Version = await details.VersionAsync(id, ct);
        Tags = await details.TagsAsync(id, ct);
        References = await details.ReferencesAsync(id, ct);
        Duplicates = await details.DuplicatesAsync(id, ct);
        Changes = await details.ChangesAsync(id, ct);
        Feedback = await feedback.ForArticleAsync(id, ct);
        Plans = await plans.LatestAsync(ct);
        Mentions = await Monitor.Dashboards.Articles.Mentions.ReadAsync(store, Plans, id, ct);
        if (Request.Query["saved"].ToString() is { Length: > 0 } saved)
        {
            Message = $"Đã ghi nhận xét về chủ đề {saved}.";
        }

        return true;
    }
}
