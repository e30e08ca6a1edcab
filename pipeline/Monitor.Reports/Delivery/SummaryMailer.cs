using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Monitor.Reports.Scheduling;

namespace Monitor.Reports.Delivery;

/// <summary>Sends mail through the configured SMTP server with MailKit: an HTML body and optional attachments.</summary>
public sealed class SummaryMailer(SummaryOptions options)
{
    public async Task SendAsync(IReadOnlyCollection<string> to, string subject, string html, IReadOnlyList<string> attachments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(attachments);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Smtp.From));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.Subject = subject;
        var body = new BodyBuilder { HtmlBody = html };
        foreach (var file in attachments)
        {
            await body.Attachments.AddAsync(file, ct);
        }

        message.Body = body.ToMessageBody();
        using var client = new SmtpClient { Timeout = options.Smtp.TimeoutSeconds * 1000 };
        var security = options.Smtp.Security switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(options.Smtp.Host ?? "localhost", options.Smtp.Port, security, ct);
        if (options.Smtp.Username is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, options.Smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>The failures of an unreachable or refusing server, as opposed to a bug.</summary>
    public static bool IsDeliveryFailure(Exception e) =>
        e is System.Net.Sockets.SocketException or IOException or TimeoutException or SmtpCommandException or SmtpProtocolException or AuthenticationException
            or SslHandshakeException or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException
        || (e is OperationCanceledException && e.InnerException is TimeoutException);
}
