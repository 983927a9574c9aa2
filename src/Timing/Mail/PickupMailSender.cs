using Microsoft.Extensions.Options;
using MimeKit;

namespace Timing.Mail;

/// <summary>Writes each message as an .eml file, named after its Message-ID, to the pickup folder.</summary>
public sealed partial class PickupMailSender(IOptions<MailOptions> options, ILogger<PickupMailSender> logger) : IMailSender
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var message in messages)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
            var path = Path.Combine(Directory, name + ".eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            Written(logger, path);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "No SMTP host configured (Mail:Host); message written to {Path}")]
    private static partial void Written(ILogger logger, string path);
}
