using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Rules;

namespace Timing.Mail;

/// <summary>Registers the mail sender: SMTP when Mail:Host is set, otherwise the pickup folder.</summary>
public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailOptions>(configuration, MailOptions.Section)
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Mail:From is not an address; write for example Timing <timing@example.nl>.")
            .Validate(o => o.Host.Length == 0 || o.Port is > 0 and < 65536, "Mail:Port must be 1–65535 (587 for STARTTLS, 465 for SSL).")
            .Validate(o => o.Host.Length > 0 || o.PickupDirectory.Length > 0, "Mail:PickupDirectory is empty; set it or set Mail:Host.")
            .Validate(o => o.AccessToken.Length == 0 || o.User.Length > 0, "Mail:AccessToken needs Mail:User (the mailbox the token belongs to).")
            .Validate(o => o.Connections is >= 1 and <= 10, "Mail:Connections must be 1–10 (default 2; some providers allow only a few connections at once).")
            .Validate(o => o.DailyLimitPerRecipient is >= 1 and <= 20,
                "Mail:DailyLimitPerRecipient must be 1–20 (default 2: the day's reminder mail and the Monday digest); more mails to one address wait until the next morning.")
            .ValidateOnStart();
        services.AddSingleton<PickupMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Host.Length > 0
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupMailSender>());
        return services;
    }
}
