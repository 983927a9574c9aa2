using MimeKit;

namespace Timing.Mail;

/// <summary>Sends finished messages. One implementation talks SMTP; the default writes files.</summary>
public interface IMailSender
{
    Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);
}
