using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Timing.Mail;

/// <summary>Sends through an SMTP server with MailKit; each session is one connection.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
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
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        /// <summary>
        /// Sends one message. When the connection breaks once the message's bytes have started to go out, the
        /// server may have it: that is reported as <see cref="MailOutcomeUnknownException"/>. A break before
        /// (greeting, sender, recipients) leaves the original exception: the message certainly did not leave.
        /// </summary>
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var progress = new HandOver();
            try
            {
                await client.SendAsync(message, cancellationToken, progress);
            }
            catch (Exception e) when (progress.Started && e is not SmtpCommandException)
            {
                throw new MailOutcomeUnknownException($"the connection broke after the message was handed over ({e.GetType().Name}: {e.Message})", e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
            {
                // The messages are already accepted or recorded; a failing QUIT changes nothing.
            }
            client.Dispose();
        }
    }

    /// <summary>Notes that the message's bytes started to go out (after the server's 354 to DATA).</summary>
    private sealed class HandOver : MailKit.ITransferProgress
    {
        public bool Started { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Started |= bytesTransferred > 0;

        public void Report(long bytesTransferred) => Started |= bytesTransferred > 0;
    }
}
