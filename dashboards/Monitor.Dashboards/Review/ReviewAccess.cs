using System.Security.Claims;
using Monitor.Dashboards.Accounts;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Review;

/// <summary>Who sees which part of the review queue "Cần xem xét" (docs/dashboard.md, Roles): an editor only the pairs
/// of articles of its outlets (the ones it may decide), every other role the whole queue; deciding is
/// <see cref="MonitorRoles.MayGiveFeedback"/>'s rule, the article page's.</summary>
public static class ReviewAccess
{
    /// <summary>The outlets the user's queue is limited to (an editor's), or null for every outlet.</summary>
    public static IReadOnlyCollection<string>? Outlets(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(MonitorRoles.Editor) && !user.IsInRole(MonitorRoles.Analyst) ? MonitorRoles.Outlets(user) : null;
    }

    /// <summary>False when an editor asks for another outlet's queue (403).</summary>
    public static bool MayRead(ClaimsPrincipal user, string? outlet) => outlet is null || Outlets(user) is not { } own || own.Contains(outlet);

    /// <summary>The filter of one read, with the user's outlets.</summary>
    public static ReviewFilter Filter(ClaimsPrincipal user, string? theme, string? outlet, int limit) =>
        new(string.IsNullOrWhiteSpace(theme) ? null : theme, string.IsNullOrWhiteSpace(outlet) ? null : outlet, Outlets(user), limit);

    /// <summary>The problem with a theme filter, in one Vietnamese line, or null when the plan has the theme (or none asked).</summary>
    public static string? ThemeError(StoredPlan plan, string? theme) =>
        string.IsNullOrWhiteSpace(theme) || plan.Plan.Themes.Any(t => t.Code == theme) ? null : $"theme '{theme}': kế hoạch {plan.Id} không có chủ đề này";
}
