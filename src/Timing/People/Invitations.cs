using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Mail;
using Timing.Storage;
using Timing.Web;

namespace Timing.People;

/// <summary>
/// The one mail a colleague gets when a director adds them: who added them, for which organisation, what Timing
/// would send, and a link to a page where a button (a POST, so a mail scanner following links accepts nothing)
/// says yes. Nothing else is mailed to them until they accept, and nothing at all to an address that opted out.
/// </summary>
public sealed partial class Invitations(TimingDbContext db, IMailSender mail, Unsubscribe tokens, PublicLinks links, IClock clock,
    IOptions<MailOptions> mailOptions, ILogger<Invitations> logger)
{
    /// <summary>What came of an invitation.</summary>
    public enum Outcome
    {
        Sent,

        /// <summary>The address asked for no mail from Timing: nothing was sent.</summary>
        OptedOut,

        /// <summary>The mail server did not take it; the log says why.</summary>
        NotSent,

        /// <summary>This organisation invited the address less than <see cref="Interval"/> ago: nothing was sent.</summary>
        AlreadyInvited,
    }

    /// <summary>
    /// How often one organisation may invite one address. Removing a colleague and adding them again does not send a
    /// new invitation within this time, so a director cannot make Timing mail an address over and over.
    /// </summary>
    public static readonly Duration Interval = Duration.FromDays(7);

    /// <summary>The audit line (<see cref="OrganisationChange"/>) that remembers an invitation, also after its person is removed.</summary>
    private const string InvitedSubject = "invite-person";

    /// <summary>When this organisation last invited the address, if it did within <see cref="Interval"/>.</summary>
    public async Task<Instant?> RecentlyInvitedAsync(int organisationId, string email, CancellationToken cancellationToken)
    {
        var since = clock.GetCurrentInstant() - Interval;
        var sent = await db.OrganisationChanges.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Subject == InvitedSubject && c.NewValue == email)
            .Select(c => c.At).ToListAsync(cancellationToken);
        return sent.Where(at => at > since).Select(at => (Instant?)at).Max();
    }

    public async Task<Outcome> SendAsync(Person person, Person inviter, string organisation, CancellationToken cancellationToken)
    {
        var invitedBy = inviter.Name.Length > 0 ? $"{inviter.Name} ({inviter.Email})" : inviter.Email;
        if (await Consent.IsOptedOutAsync(db, person.Email, cancellationToken))
        {
            return Outcome.OptedOut;
        }
        // The row's own date counts too: it also covers invitations sent before the audit line was kept.
        var own = person.Invited is { } invited && invited > clock.GetCurrentInstant() - Interval ? invited : (Instant?)null;
        if ((await RecentlyInvitedAsync(person.OrganisationId, person.Email, cancellationToken) ?? own) is { } last)
        {
            // The row still says when the address was invited, so the people page shows "uitgenodigd".
            person.Invited = last;
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.AlreadyInvited;
        }
        var message = await MessageAsync(person, organisation, invitedBy, cancellationToken);
        try
        {
            await mail.SendAsync([message], cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.Net.Smtp.SmtpCommandException or TimeoutException)
        {
            InvitationNotSent(logger, person.Id, e.Message);
            return Outcome.NotSent;
        }
        person.Invited = clock.GetCurrentInstant();
        db.OrganisationChanges.Add(new OrganisationChange
        {
            OrganisationId = person.OrganisationId, PersonEmail = inviter.Email, At = person.Invited.Value,
            Subject = InvitedSubject, NewValue = person.Email,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Sent;
    }

    /// <summary>What Timing would send, in a few words, for the starting point the director chose.</summary>
    public static string WhatTimingSends(NudgeMode mode, Language language) => (mode, language) switch
    {
        (NudgeMode.Digest, Language.En) => "a weekly digest of what is coming in the municipalities you follow",
        (NudgeMode.Digest, _) => "een wekelijks overzicht van wat eraan komt in de gemeenten die u volgt",
        (NudgeMode.Both, Language.En) => "a reminder before each moment in the municipalities you follow, and a weekly digest",
        (NudgeMode.Both, _) => "een herinnering vóór elk moment in de gemeenten die u volgt, en een wekelijks overzicht",
        (NudgeMode.None, Language.En) => "no reminders for now; you can sign in to read the calendar and use your calendar feed",
        (NudgeMode.None, _) => "voorlopig geen herinneringen; u kunt zich aanmelden om de agenda te lezen en uw agenda-feed te gebruiken",
        (_, Language.En) => "a reminder before each moment in the municipalities you follow (at most one e-mail a day)",
        (_, _) => "een herinnering vóór elk moment in de gemeenten die u volgt (hoogstens één e-mail per dag)",
    };

    private async Task<MimeMessage> MessageAsync(Person person, string organisation, string invitedBy, CancellationToken cancellationToken)
    {
        var en = person.Language == Language.En;
        var accept = links.Invitation(await tokens.InvitationTokenAsync(person.Id, cancellationToken), person.Language).AbsoluteUri;
        var stop = links.Unsubscribe(await tokens.TokenAsync(person.Id, cancellationToken)).AbsoluteUri;
        var message = new MimeMessage
        {
            Subject = en ? $"{invitedBy} invites you to Timing for {organisation}" : $"{invitedBy} nodigt u uit voor Timing van {organisation}",
        };
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(new MailboxAddress(person.Name, person.Email));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(links.Host);
        message.Headers.Add("List-Unsubscribe", $"<{stop}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        string[] lines = en
            ?
            [
                $"{invitedBy} added you to Timing for {organisation}. Timing is a calendar of the municipal cycle (budget, elections, coalition agreements) for people who work with municipalities.",
                $"If you agree, Timing will send you {WhatTimingSends(person.NudgeMode, person.Language)}. You choose what you receive, and every e-mail has a link to stop.",
                "Until you accept, Timing sends you nothing else: this is the only e-mail.",
            ]
            :
            [
                $"{invitedBy} heeft u toegevoegd aan Timing voor {organisation}. Timing is een agenda van de gemeentelijke cyclus (begroting, verkiezingen, coalitieakkoorden) voor wie met gemeenten werkt.",
                $"Als u akkoord gaat, stuurt Timing u {WhatTimingSends(person.NudgeMode, person.Language)}. U kiest zelf wat u ontvangt, en elke e-mail heeft een link om te stoppen.",
                "Zolang u niet accepteert, stuurt Timing u niets anders: dit is de enige e-mail.",
            ];
        var button = en ? "View and accept the invitation" : "Uitnodiging bekijken en accepteren";
        var never = en ? "Never want e-mail from Timing?" : "Nooit e-mail van Timing?";
        message.Body = new BodyBuilder
        {
            TextBody = $"{string.Join("\n\n", lines)}\n\n{button}:\n{accept}\n\n{never} {stop}\n",
            HtmlBody = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
                + $"<p><a href=\"{WebUtility.HtmlEncode(accept)}\">{WebUtility.HtmlEncode(button)}</a></p>"
                + $"<p>{WebUtility.HtmlEncode(never)} <a href=\"{WebUtility.HtmlEncode(stop)}\">{WebUtility.HtmlEncode(en ? "Stop e-mails" : "Geen e-mails")}</a></p>",
        }.ToMessageBody();
        return message;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Invitation for person {PersonId} could not be sent: {Reason}. Check the Mail settings.")]
    private static partial void InvitationNotSent(ILogger logger, int personId, string reason);
}
