using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Mail;
using Timing.Web;
using Timing.Worker;

namespace Timing.Tests.Web;

/// <summary>A reminder's delivery problem, as the worker stores it, reads in Dutch on a Dutch page and as stored on an English one.</summary>
public class DeliveryReasonTextTests
{
    private static readonly Exception[] Failures =
    [
        new MailOutcomeUnknownException("the connection closed after DATA", new IOException("reset")),
        new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MailboxAddress("", "anna@org.nl"), "mailbox unavailable"),
        new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, new MailboxAddress("", "anna@org.nl"), "greylisted"),
        new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, new MailboxAddress("", "timing@org.nl"), "sender rejected"),
        new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "spam"),
        new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "try later"),
        new AuthenticationException("535 bad credentials"),
        new SocketException((int)SocketError.ConnectionRefused),
        new SocketException((int)SocketError.HostUnreachable),
        new TimeoutException(),
        new SslHandshakeException("certificate expired"),
        new MailNotSentException("cannot write to the pickup folder /var/mail-pickup: disk full", new IOException("disk full")),
        new IOException("connection reset"),
    ];

    [Fact]
    public void EveryReasonTheWorkerStores_ReadsInDutch_KeepingTheServersAnswer()
    {
        foreach (var failure in Failures)
        {
            foreach (var host in new[] { "smtp.org.nl", "" })
            {
                var classifier = new DeliveryClassifier(Options.Create(new MailOptions { Host = host, Port = 587 }));
                var reason = classifier.Classify(failure, CancellationToken.None)!.Reason;
                var dutch = DeliveryReasonText.In(reason, Language.Nl)!;
                Assert.NotEqual(reason, dutch);
                Assert.DoesNotContain("the mail server", dutch, StringComparison.Ordinal);
                Assert.DoesNotContain("pickup folder", dutch, StringComparison.Ordinal);
                Assert.Equal(reason, DeliveryReasonText.In(reason, Language.En));
                if (failure is SmtpCommandException smtp)
                {
                    Assert.Contains(smtp.Message, dutch, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData("the sending process stopped while handing this message to the mail server; check the server's log before resending")]
    [InlineData("the moment or the person no longer exists")]
    public void ReasonsOfTheOutbox_ReadInDutch(string reason)
    {
        Assert.NotEqual(reason, DeliveryReasonText.In(reason, Language.Nl));
        Assert.Equal(reason, DeliveryReasonText.In(reason, Language.En));
    }

    [Fact]
    public void AnUnknownReason_IsShownAsStored()
    {
        Assert.Equal("something new", DeliveryReasonText.In("something new", Language.Nl));
        Assert.Null(DeliveryReasonText.In(null, Language.Nl));
    }
}
