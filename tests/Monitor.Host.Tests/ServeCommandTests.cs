using System.Net;
using System.Net.Sockets;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_runs_the_dashboards_over_the_data_directory_behind_the_login()
    {
        using var dir = new TempDir();
        var port = FreePort();
        using var serve = MonitorProcess.Start("serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dir.Path);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        HttpResponseMessage? health = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or the first answer (JIT, schema) slower than the client's timeout on a loaded machine.
                return serve.HasExited;
            }
        }, TimeSpan.FromSeconds(60)), string.Join(" | ", serve.Lines));
        Assert.NotNull(health);
        Assert.Equal(HttpStatusCode.Unauthorized, health.StatusCode);
        using var page = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2F", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/login"))).StatusCode);
    }

    /// <summary>A second-opinion budget without the model's endpoint stops the web role at start with the worker's line and
    /// exit code 2 (the Kế hoạch page's re-tag would ask it), as it stops the worker.</summary>
    [Theory]
    [InlineData("serve")]
    [InlineData("work")]
    public async Task A_second_opinion_budget_without_an_endpoint_stops_serve_at_start_with_the_workers_line(string command)
    {
        using var dir = new TempDir();
        string[] args = command == "serve" ? ["serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--data-dir", dir.Path] : ["work", "--until-empty", "--data-dir", dir.Path];

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["Monitor__Llm__SecondOpinion__Budget"] = "3" }, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["lỗi: Monitor:Llm:SecondOpinion:Budget: cần cấu hình Monitor:Llm:Endpoint và Monitor:Llm:Model (API tương thích OpenAI)"], run.Lines);
    }

    /// <summary>Issue 15, item 14, on the real executable: a Host header other than the one of --urls is refused (DNS
    /// rebinding cannot read the API), every answer carries the policy headers, and HEAD answers like GET.</summary>
    [Fact]
    public async Task Serve_refuses_other_host_names_sends_the_security_headers_and_answers_head_like_get()
    {
        using var dir = new TempDir();
        var port = FreePort();
        using var serve = MonitorProcess.Start("serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dir.Path);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var login = new Uri($"http://127.0.0.1:{port}/login");
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var first = await http.GetAsync(login);
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or the first answer (JIT, schema) slower than the client's timeout on a loaded machine.
                return serve.HasExited;
            }
        }, TimeSpan.FromSeconds(60)), string.Join(" | ", serve.Lines));

        using var rebound = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/api/health"));
        rebound.Headers.Host = $"attacker.example:{port}";
        using var refused = await http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        foreach (var path in new[] { "/login", "/api/health", "/", "/assets/css/site.css", "/khong-co" })
        {
            var url = new Uri($"http://127.0.0.1:{port}{path}");
            using var get = await http.GetAsync(url);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            foreach (var answer in new[] { get, head })
            {
                var csp = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
                Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            }
        }
    }

    [Fact]
    public async Task Serve_with_an_address_that_is_not_a_url_is_one_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), "serve", "--urls", "port-5080", "--data-dir", dir.Path);
        Assert.Equal(2, exit);
        Assert.Equal(["lỗi: --urls 'port-5080' không phải địa chỉ http(s)://HOST:PORT"], lines);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
