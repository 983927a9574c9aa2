using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Mail;
using Timing.People;
using Timing.Storage;

namespace Timing.Web.SignIn;

/// <summary>
/// Sign-in without passwords: a single-use link by e-mail, valid for 15 minutes, stored as a hash.
/// Requests go through <see cref="SignInMailQueue"/>, so the answer to a request is the same, and as fast,
/// whether or not the address has an account and whatever the mail server does.
/// </summary>
public sealed partial class MagicLinks(TimingDbContext db, IMailSender mail, IClock clock, IOptions<FeedOptions> feeds, IOptions<MailOptions> mailOptions, ILogger<MagicLinks> logger)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(15);

    /// <summary>Mails a link when the address belongs to a person; does nothing for an unknown address. Runs in the background.</summary>
    public async Task SendAsync(string address, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == address, cancellationToken);
        if (person is null)
        {
            return;
        }
        var token = Secrets.NewToken();
        var now = clock.GetCurrentInstant();
        db.SignInLinks.Add(new SignInLink { PersonId = person.Id, Hash = Secrets.Hash(token), Expires = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);

        var links = new PublicLinks(feeds.Value.BaseUrl);
        var en = person.Language == Language.En;
        // The confirm page speaks the mail's language.
        var link = links.SignIn(token, person.Language).AbsoluteUri;
        var message = new MimeMessage { Subject = en ? "Your sign-in link for Timing" : "Uw aanmeldlink voor Timing" };
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(new MailboxAddress(person.Name, person.Email));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(links.Host);
        var body = new BodyBuilder
        {
            TextBody = en
                ? $"Sign in to Timing with this link (valid for 15 minutes, once):\n\n{link}\n\nDid you not ask for it? Then ignore this message."
                : $"Meld u aan bij Timing met deze link (15 minuten geldig, één keer te gebruiken):\n\n{link}\n\nNiet aangevraagd? Dan kunt u dit bericht negeren.",
            HtmlBody = en
                ? $"<p>Sign in to Timing with this link (valid for 15 minutes, once):</p><p><a href=\"{link}\">Sign in to Timing</a></p><p>Did you not ask for it? Then ignore this message.</p>"
                : $"<p>Meld u aan bij Timing met deze link (15 minuten geldig, één keer te gebruiken):</p><p><a href=\"{link}\">Aanmelden bij Timing</a></p><p>Niet aangevraagd? Dan kunt u dit bericht negeren.</p>",
        };
        message.Body = body.ToMessageBody();
        try
        {
            await mail.SendAsync([message], cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.Net.Smtp.SmtpCommandException or TimeoutException)
        {
            // The page answers the same either way, so nobody learns which addresses have an account; the log says what failed.
            LinkNotSent(logger, person.Id, e.Message);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Sign-in link for person {PersonId} could not be sent: {Reason}. Check the Mail settings.")]
    private static partial void LinkNotSent(ILogger logger, int personId, string reason);

    /// <summary>Uses a link once: returns the person, or null when the link is unknown, used or expired.</summary>
    public async Task<Person?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Secrets.IsWellFormed(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token!);
        var now = clock.GetCurrentInstant();
        var link = await db.SignInLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Hash == hash, cancellationToken);
        if (link is null || !Secrets.SameHash(link.Hash, hash) || link.Used is not null || link.Expires < now)
        {
            return null;
        }
        // One statement marks it used, so two clicks at once cannot both sign in.
        var claimed = await db.SignInLinks.Where(l => l.Id == link.Id && l.Used == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Used, now), cancellationToken);
        if (claimed != 1)
        {
            return null;
        }
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == link.PersonId, cancellationToken);
        if (person is { SecurityStamp: "" })
        {
            // People stored before sessions carried stamps get one at their first sign-in.
            person.EndSessions();
            await db.SaveChangesAsync(cancellationToken);
        }
        return person;
    }
}
