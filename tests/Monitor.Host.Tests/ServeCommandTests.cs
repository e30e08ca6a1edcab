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
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        HttpResponseMessage? health = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
                return true;
            }
            catch (HttpRequestException)
            {
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
