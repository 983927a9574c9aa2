using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Timing.Mail;

namespace Timing.Worker;

/// <summary>
/// Turns what went wrong while connecting or sending into a verdict: retry later, failed for good, or uncertain.
/// The reason names what a director or an operator can act on: the refused recipient and the server's own answer,
/// or the setting to fix.
/// </summary>
public sealed class DeliveryClassifier(IOptions<MailOptions> mail)
{
    /// <summary>The verdict, or null for an exception that is not about mail delivery (a bug: let it surface).</summary>
    public DeliveryVerdict? Classify(Exception e, CancellationToken cancellationToken)
    {
        var server = Server();
        return e switch
        {
            MailOutcomeUnknownException => new(DeliveryOutcome.Uncertain,
                $"outcome unknown, not resent: {e.Message}; check the log of {server} before resending", true),
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c when (int)c.StatusCode >= 500 =>
                Failed($"the mail server refused the recipient {c.Mailbox?.Address}: {Answer(c)}"),
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c =>
                Retry($"the mail server did not accept the recipient {c.Mailbox?.Address} for now: {Answer(c)}", false),
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c when (int)c.StatusCode >= 500 =>
                Failed($"the mail server refused the sender {c.Mailbox?.Address}: {Answer(c)}; check Mail:From"),
            SmtpCommandException c when (int)c.StatusCode >= 500 => Failed($"the mail server refused the message: {Answer(c)}"),
            SmtpCommandException c => Retry($"the mail server asked to try again later: {Answer(c)}", false),
            AuthenticationException a => Retry(
                $"the mail server {server} refused the login ({a.Message}): check Mail:User and Mail:Password, or Mail:AccessToken", true),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => Retry(
                $"no mail server answers at {server} (connection refused): check Mail:Host and Mail:Port, or whether the server runs", true),
            SocketException s => Retry($"no connection to the mail server {server} ({s.SocketErrorCode}: {s.Message}): check Mail:Host and Mail:Port", true),
            TimeoutException or OperationCanceledException when !cancellationToken.IsCancellationRequested => Retry(
                $"the mail server {server} did not answer within {mail.Value.TimeoutSeconds} s (Mail:TimeoutSeconds); the message was not handed over", true),
            SslHandshakeException => Retry($"the secure connection to {server} failed ({e.Message}): check Mail:Security and Mail:Port", true),
            MailNotSentException => Retry(e.Message, true),
            IOException or SmtpProtocolException or ServiceNotConnectedException => Retry(
                $"the connection to the mail server {server} broke before the message was handed over ({e.GetType().Name}: {e.Message})", true),
            _ => null,
        };
    }

    private string Server() => mail.Value.Host.Length > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{mail.Value.Host}:{mail.Value.Port}")
        : "the pickup folder";

    private static string Answer(SmtpCommandException c) => string.Create(CultureInfo.InvariantCulture, $"{(int)c.StatusCode} {c.Message}");

    private static DeliveryVerdict Failed(string reason) => new(DeliveryOutcome.Failed, reason, false);

    private static DeliveryVerdict Retry(string reason, bool connectionLost) => new(DeliveryOutcome.Retry, reason, connectionLost);
}
