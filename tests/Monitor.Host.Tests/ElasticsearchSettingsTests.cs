using System.Net;
using System.Net.Sockets;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The Elasticsearch settings as the roles read them from the environment: a wrong one or a cluster that does
/// not answer stops the command at start with one line, before any work.</summary>
[Trait("Category", "Process")]
public sealed class ElasticsearchSettingsTests
{
    [Fact]
    public async Task Serve_with_an_elasticsearch_url_that_is_not_a_url_is_one_line_and_exit_code_2()
    {
        using var dir = new TempDir();

        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["Monitor__Elasticsearch__Url"] = "elasticsearch:9200" },
            "serve", "--urls", "http://127.0.0.1:0", "--data-dir", dir.Path);

        Assert.Equal(2, exit);
        Assert.Equal(["lỗi: Monitor:Elasticsearch:Url 'elasticsearch:9200' không phải địa chỉ http(s)://HOST:PORT của Elasticsearch (ví dụ http://localhost:9200)"], lines);
    }

    [Fact]
    public async Task A_report_with_an_elasticsearch_that_does_not_answer_is_one_line_naming_it_and_exit_code_2()
    {
        using var dir = new TempDir();
        var port = ClosedPort();

        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["Monitor__Elasticsearch__Url"] = $"http://127.0.0.1:{port}" },
            "report", "gaps", "--data-dir", dir.Path);

        Assert.Equal(2, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith($"lỗi: Monitor:Elasticsearch:Url = http://127.0.0.1:{port}: không kết nối được Elasticsearch", line, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
