using System.Net;
using System.Net.Sockets;
using Monitor.Host.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class StartupTests
{
    [Theory]
    [InlineData("work")]
    [InlineData("tag")]
    public async Task A_broker_that_cannot_be_reached_at_start_is_one_clear_line_and_exit_code_2(string role)
    {
        using var dir = new TempDir();
        var closed = ClosedPort();
        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), role, "--bus", "kafka", "--bootstrap-servers", $"127.0.0.1:{closed}", "--data-dir", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains(lines, l => l.StartsWith($"lỗi: không kết nối được Kafka tại 127.0.0.1:{closed} sau 5 giây", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_bootstrap_setting_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), "work", "--bus", "kafka", "--data-dir", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains(lines, l => l.StartsWith("lỗi: Monitor:Kafka:BootstrapServers trống", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bootstrap_address_without_a_port_is_named_in_the_error()
    {
        using var dir = new TempDir();
        var (exit, lines) = await MonitorProcess.RunAsync(TimeSpan.FromSeconds(60), "work", "--bus", "kafka", "--bootstrap-servers", "kafka-1", "--data-dir", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains("lỗi: Monitor:Kafka:BootstrapServers có 'kafka-1' không phải HOST:PORT", lines);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
