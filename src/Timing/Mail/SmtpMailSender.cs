using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Timing.Mail;

/// <summary>Sends through an SMTP server with MailKit, over one connection per batch.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host, o.Port, o.Security switch
        {
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (o.AccessToken.Length > 0)
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(o.User, o.AccessToken), cancellationToken);
        }
        else if (o.User.Length > 0)
        {
            await client.AuthenticateAsync(o.User, o.Password, cancellationToken);
        }
        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
