using Microsoft.Extensions.Options;
using MimeKit;

namespace Timing.Mail;

/// <summary>
/// Writes each message as an .eml file, named after its Message-ID, to the pickup folder. Sign-in mails carry live
/// links, so a new folder is private to the service's user (0700) and every file readable by that user alone (0600).
/// </summary>
public sealed partial class PickupMailSender(IOptions<MailOptions> options, ILogger<PickupMailSender> logger) : IMailSender
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory);

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailNotSentException($"cannot create the pickup folder {Directory}: {e.Message}", e);
        }
        return Task.FromResult<IMailSession>(new Session(this));
    }

    private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var path = Path.Combine(Directory, name + ".eml");
        var temporary = path + ".tmp";
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(temporary, file))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }
        // Written whole, then renamed: a reader never sees half a message, and a rewrite replaces it.
        File.Move(temporary, path, overwrite: true);
        Written(logger, path);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "No SMTP host configured (Mail:Host); message written to {Path}")]
    private static partial void Written(ILogger logger, string path);

    private sealed class Session(PickupMailSender sender) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await sender.WriteAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new MailNotSentException($"cannot write to the pickup folder {sender.Directory}: {e.Message}", e);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
