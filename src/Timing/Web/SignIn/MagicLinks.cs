using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Mail;
using Timing.People;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.SignIn;

/// <summary>
/// Sign-in without passwords: a single-use link by e-mail, valid for 15 minutes, stored as a hash.
/// Requests go through <see cref="SignInMailQueue"/>, so the answer to a request is the same, and as fast,
/// whether or not the address has an account and whatever the mail server does.
/// </summary>
public sealed partial class MagicLinks(TimingDbContext db, IMailSender mail, IClock clock, IOptions<FeedOptions> feeds, IOptions<MailOptions> mailOptions, ILogger<MagicLinks> logger)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(15);

    /// <summary>
    /// Mails a link when the address belongs to a person; does nothing for an unknown address. An address with
    /// accounts at several organisations gets one mail with a link for each, named by organisation. Runs in the background.
    /// </summary>
    public Task SendAsync(string address, CancellationToken cancellationToken) => SendAsync(address, null, cancellationToken);

    /// <param name="returnPath">The page the link opens after signing in (see <see cref="ReturnPath"/>); null for the overview.</param>
    public async Task SendAsync(string address, string? returnPath, CancellationToken cancellationToken)
    {
        var people = await db.People.Include(p => p.Organisation).Where(p => p.Email == address).OrderBy(p => p.Id).ToListAsync(cancellationToken);

        if (people.Count == 0)
        {
            return;
        }
        var person = people[0];
        // Several accounts: the mail takes their language when they agree on one, else Dutch.
        var language = people.All(p => p.Language == person.Language) ? person.Language : Language.Nl;
        var now = clock.GetCurrentInstant();
        var links = new PublicLinks(feeds.Value.BaseUrl);
        var choices = new List<(string Organisation, string Link)>();
        foreach (var account in people)
        {
            var token = Secrets.NewToken();
            db.SignInLinks.Add(new SignInLink { PersonId = account.Id, Hash = Secrets.Hash(token), Expires = now + Lifetime });
            // The confirm page speaks the mail's language.
            choices.Add((account.Organisation!.Name, links.SignIn(token, language, returnPath).AbsoluteUri));
        }
        await db.SaveChangesAsync(cancellationToken);

        var message = new MimeMessage { Subject = SiteTexts.SignInMailSubject.In(language) };
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        // With accounts in several organisations, no one organisation's entry (a name it typed) shapes the mail.
        message.To.Add(new MailboxAddress(choices.Count == 1 ? person.Name : "", person.Email));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(links.Host);
        var intro = SiteTexts.SignInMailIntro(choices.Count > 1).In(language);
        var ignore = SiteTexts.NotAskedForIt.In(language);
        var signIn = SiteTexts.SignInToTiming.In(language);
        string Label(string organisation) => choices.Count == 1 ? signIn : $"{signIn}: {organisation}";
        var body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{string.Join("\n\n", choices.Select(c => choices.Count == 1 ? c.Link : $"{c.Organisation}:\n{c.Link}"))}\n\n{ignore}",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(intro)}</p>{string.Concat(choices.Select(c => $"<p><a href=\"{WebUtility.HtmlEncode(c.Link)}\">{WebUtility.HtmlEncode(Label(c.Organisation))}</a></p>"))}<p>{WebUtility.HtmlEncode(ignore)}</p>",
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
