using System.Net;
using System.Text.Json;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Tests.Support;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Tests;

/// <summary>Who may open what, over real HTTP on 127.0.0.1: the login, the roles, the API's 401, the headers.</summary>
public sealed class AccessTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_stranger_is_sent_to_the_login_page_and_the_api_answers_401()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(null, Ct);

        using var page = await http.GetAsync("/plans/w46/themes/1.2", Ct);
        using var api = await http.GetAsync("/api/plans", Ct);
        using var login = await http.GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fplans%2Fw46%2Fthemes%2F1.2", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_a_policy_without_inline_script_no_framing_and_no_sniffing()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Analyst, Ct);

        foreach (var path in new[] { "/", "/login", "/api/plans", "/assets/css/site.css" })
        {
            using var response = await http.GetAsync(path, Ct);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_host_name_the_dashboard_does_not_serve_is_refused()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(null, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = "attacker.example";

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_login_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(null, Ct);

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = MonitorRoles.Analyst, ["password"] = DashboardSite.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("monitor.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_is_refused()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(null, Ct);

        async Task<(HttpStatusCode, string)> TryAsync(string password)
        {
            var token = DashboardSite.Antiforgery(await http.GetStringAsync("/login", Ct));
            using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = MonitorRoles.Leader, ["password"] = password, ["__RequestVerificationToken"] = token,
            }), Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        for (var i = 0; i < AccountService.MaxFailures - 1; i++)
        {
            Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", (await TryAsync("sai-mat-khau")).Item2, StringComparison.Ordinal);
        }

        Assert.Contains("Tài khoản tạm khóa", (await TryAsync("sai-mat-khau")).Item2, StringComparison.Ordinal);
        var (status, body) = await TryAsync(DashboardSite.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Tài khoản tạm khóa", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MonitorRoles.Admin, "/sources", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Admin, "/admin/users", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Analyst, "/sources", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Analyst, "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Editor, "/", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Editor, "/sources", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Editor, "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Leader, "/", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Leader, "/plans/w46/themes/3.1", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Leader, "/sources", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Leader, "/api/plans", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Admin, "/outlets", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Admin, "/search?q=kon+tum", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Admin, "/reports", HttpStatusCode.OK)]
    [InlineData(MonitorRoles.Editor, "/reports", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Editor, "/reports/w46/2024-W46?handler=file&format=md", HttpStatusCode.Forbidden)]
    [InlineData(MonitorRoles.Analyst, "/reports/w46/2024-W46?handler=file&format=md", HttpStatusCode.NotFound)]
    [InlineData(MonitorRoles.Analyst, "/reports/w46/..?handler=file&format=md", HttpStatusCode.NotFound)]
    [InlineData(MonitorRoles.Leader, "/outlets/Kh%C3%B4ng%20c%C3%B3", HttpStatusCode.NotFound)]
    public async Task Each_role_opens_what_it_may_and_is_refused_the_rest(string role, string path, HttpStatusCode expected)
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(role, Ct);

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_coverage_api_answers_typed_rows_with_numbers_equal_to_the_stores()
    {
        await using var site = await DashboardSite.StartAsync(Ct);
        using var http = await site.ClientAsync(MonitorRoles.Leader, Ct);
        var report = await new SqliteCoverageStore(site.Db, TimeProvider.System).CoverageAsync(site.Plan, new CoverageQuery(CoveragePeriod.Month), Ct);

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/plans/w46/coverage?period=month", Ct));
        using var plans = JsonDocument.Parse(await http.GetStringAsync("/api/plans", Ct));
        using var missing = await http.GetAsync("/api/plans/khong-co/coverage", Ct);
        using var bad = await http.GetAsync("/api/plans/w46/coverage?period=ngay", Ct);

        var rows = json.RootElement.EnumerateArray().Select(r => (r.GetProperty("theme").GetString()!, r.GetProperty("outlet").GetString()!,
            r.GetProperty("period").GetString()!, r.GetProperty("articles").GetInt32())).ToList();
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal(JsonValueKind.Number, r.GetProperty("articles").ValueKind));
        Assert.Equal(report.Cells.Select(c => (c.Theme, c.Outlet, c.Period, c.Articles)), rows);
        Assert.Equal("w46", plans.RootElement[0].GetProperty("id").GetString());
        Assert.Equal(1, plans.RootElement[0].GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("period 'ngay'", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
