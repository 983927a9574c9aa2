using MimeKit;

namespace Timing.Mail;

/// <summary>Sends finished messages. One implementation talks SMTP; the default writes files.</summary>
public interface IMailSender
{
    /// <summary>Opens one connection (or folder) for a batch of messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>An open connection: send messages one by one, then dispose to close it.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public static class MailSenderExtensions
{
    /// <summary>Sends a few messages over one connection.</summary>
    public static async Task SendAsync(this IMailSender sender, IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        await using var session = await sender.OpenAsync(cancellationToken);
        foreach (var message in messages)
        {
            await session.SendAsync(message, cancellationToken);
        }
    }
}
