using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Api;
using Monitor.Dashboards.Overview;
using Monitor.Dashboards.Plans;
using Monitor.Dashboards.Review;
using Monitor.Dashboards.Security;
using Monitor.Storage.Articles;
using Monitor.Storage.Crawl;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;
using Monitor.Storage.Users;

namespace Monitor.Dashboards;

/// <summary>The web role: Razor Pages for people, typed JSON (with OpenAPI) for tools, behind a cookie login.</summary>
public static class DashboardEndpoints
{
    /// <summary>Pages, API, login, roles and security headers; the store's services (database, plans, coverage, crawl
    /// state, time) are the caller's. <paramref name="allowedHosts"/>: the Host headers accepted (loopback names by default).</summary>
    public static IServiceCollection AddMonitorDashboards(this IServiceCollection services, IReadOnlyList<string>? allowedHosts = null)
    {
        services.TryAddSingleton<SourceHealthReport>();
        services.TryAddSingleton<ArticleReader>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<FeedbackStore>();
        services.TryAddSingleton<ReviewQueue>();
        services.TryAddSingleton<Storage.Plans.PlanStore>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<DashboardQueries>();
        services.TryAddSingleton<OverviewBuilder>();
        services.TryAddSingleton<ArticleLists>();
        services.TryAddSingleton<Articles.ArticleDetails>();
        services.TryAddSingleton<PlanDraftStore>();
        services.TryAddSingleton<DirectiveUpload>();
        services.TryAddSingleton<PlanEditor>();
        // Re-tag jobs live in the store (a restart or another web process sees them); every store's retagger runs, SQLite's
        // always (AddMonitorElasticsearch adds Elasticsearch's).
        services.TryAddSingleton(sp => new RetagJobStore(sp.GetRequiredService<Storage.MonitorDatabase>(), sp.GetRequiredService<TimeProvider>(), RetagJobs.StaleAfter));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreRetagger, PlanRetagger>());
        services.TryAddSingleton<RetagJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<RetagJobs>());
        services.AddMonitorDashboardPages();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AuthorizeFolder("/Admin", MonitorRoles.UsersPolicy);
            o.Conventions.AuthorizePage("/Sources", MonitorRoles.SourcesPolicy);
            o.Conventions.AuthorizePage("/Plans/Edit", MonitorRoles.PlansPolicy);
            o.Conventions.AuthorizePage("/Plans/Retag", MonitorRoles.PlansPolicy);
            o.Conventions.AuthorizeFolder("/Reports", MonitorRoles.ReportsPolicy);
        }).AddMvcOptions(o => o.Filters.Add(new Diagnostics.HandlerTiming())).AddApplicationPart(typeof(DashboardEndpoints).Assembly);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(LoginCookie.Configure);
        services.AddAuthorization(MonitorRoles.Configure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "monitor.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHostFiltering(o =>
        {
            o.AllowedHosts = allowedHosts is { Count: > 0 } hosts ? [.. hosts] : ["127.0.0.1", "localhost", "[::1]"];
            o.IncludeFailureMessage = false;
        });
        services.AddOpenApi();
        // Vietnamese stays readable in the markup: only what HTML needs is escaped (<, >, &, quotes).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Middleware and endpoints, in order: the server's timing header, host filtering, security headers, the embedded assets (open to
    /// anyone: the login page needs its style), authentication, authorisation, pages and API.</summary>
    public static WebApplication MapMonitorDashboards(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<Diagnostics.ServerTiming>();
        app.UseHostFiltering();
        app.UseMiddleware<SecurityHeaders>();
        // HEAD answers like GET (RFC 9110 9.3.2): routed as GET; Kestrel keeps the request's own method and sends no body.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        // A page without a body (403, 404) gets the Vietnamese error page; the API keeps its bare status or JSON error.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/assets/{**path}", WebRoot.Serve).AllowAnonymous();
        app.MapRazorPages();
        app.MapMonitorApi();
        app.MapRetagApi();
        app.MapReviewApi();
        app.MapOpenApi("/api/openapi.json").RequireAuthorization();
        return app;
    }
}
