using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Monitor.Dashboards.Accounts;

/// <summary>The four roles and what each may do (docs/dashboard.md has the table).</summary>
public static class MonitorRoles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Editor = "editor";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Editor, Leader];

    /// <summary>Claim type of an outlet an editor answers for (one claim per outlet).</summary>
    public const string OutletClaim = "monitor:outlet";

    public const string UsersPolicy = "users";
    public const string SourcesPolicy = "sources";
    public const string PlansPolicy = "plans";
    public const string ReportsPolicy = "reports";

    /// <summary>The Vietnamese name of a role, as pages show it.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "quản trị",
        Analyst => "chuyên viên phân tích",
        Editor => "biên tập viên",
        Leader => "lãnh đạo",
        _ => role,
    };

    internal static void Configure(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(UsersPolicy, p => p.RequireRole(Admin));
        o.AddPolicy(SourcesPolicy, p => p.RequireRole(Admin, Analyst));
        o.AddPolicy(PlansPolicy, p => p.RequireRole(Admin, Analyst));
        o.AddPolicy(ReportsPolicy, p => p.RequireRole(Admin, Analyst, Leader));
    }

    /// <summary>May this user mark themes of an article of <paramref name="outlet"/>: an analyst always, an editor
    /// for an outlet they are bound to, nobody else.</summary>
    public static bool MayGiveFeedback(ClaimsPrincipal user, string outlet)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Analyst) || (user.IsInRole(Editor) && Outlets(user).Contains(outlet));
    }

    /// <summary>May this user upload directives, edit, save and re-tag plans: analysts and admins.</summary>
    public static bool MayEditPlans(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Admin) || user.IsInRole(Analyst);
    }

    public static IReadOnlyList<string> Outlets(ClaimsPrincipal user) => user.FindAll(OutletClaim).Select(c => c.Value).ToList();
}
