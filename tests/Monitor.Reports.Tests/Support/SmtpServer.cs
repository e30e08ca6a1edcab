using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Monitor.Tests.Shared;

namespace Monitor.Reports.Tests.Support;

/// <summary>A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd), saving each message into a Maildir the test reads.</summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDir _mail;

    private SmtpServer(Process process, int port, TempDir mail)
    {
        _process = process;
        Port = port;
        _mail = mail;
    }

    public int Port { get; }

    /// <summary>A port nothing listens on (taken from the OS, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpServer> StartAsync(int? port = null)
    {
        Assert.True(File.Exists("/usr/bin/python3"), "python3 is missing: run infra/setup-apt.sh (make setup)");
        var p = port ?? FreePort();
        var mail = new TempDir();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{p}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(mail.Path, "maildir") })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new SmtpServer(process, p, mail);
        var up = await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, p);
                return true;
            }
            catch (SocketException)
            {
                return process.HasExited;
            }
        }, TimeSpan.FromSeconds(20));
        Assert.True(up && !process.HasExited, "aiosmtpd did not start (python3-aiosmtpd missing? run infra/setup-apt.sh)");
        return server;
    }

    public string MailDir => Path.Combine(_mail.Path, "maildir");

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(MailDir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _mail.Dispose();
    }
}
