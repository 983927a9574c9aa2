using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using Timing.Feeds;
using Timing.Web;

namespace Timing.Mail;

/// <summary>
/// Writes nudges and digests: text and HTML in the person's language, a subject that names the municipality
/// and the moment, what is coming, why now, whom to approach and what to bring, links to the moment and the
/// person's feed, and List-Unsubscribe headers (RFC 8058 one-click). No meeting invitations are attached.
/// The words come from <see cref="MailWords"/>, the links from <see cref="PublicLinks"/>, the HTML from Razor components.
/// </summary>
public sealed class NudgeMessages(PublicLinks links, MailHtml html, IOptions<MailOptions> mail)
{
    public async Task<MimeMessage> NudgeAsync(string email, string name, Language language, Municipality municipality, Moment moment, NudgeLead lead,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        var edge = lead.Edge == MomentEdge.Start ? moment.Start : moment.End;
        var when = words.When(moment, lead.Edge, Period.DaysBetween(sendDay, edge));
        var title = moment.Title(language);
        var content = new NudgeContent(
            Title: title,
            Municipality: municipality.Name,
            When: when,
            Dates: DateText.Range(moment.Start, moment.End, language),
            Basis: FeedEventBuilder.BasisText(moment.Basis, language),
            Range: moment.Estimate is { } r ? DateText.ExpectedBetween(r, language) + "." : "",
            Advice: moment.Advice.In(language),
            Audiences: string.Join(", ", moment.Audiences.Select(a => Audiences.Name(a, language))),
            MomentUrl: links.MailMoment(moment.Key).AbsoluteUri,
            FeedUrl: links.MyFeed.AbsoluteUri,
            UnsubscribeUrl: links.Unsubscribe(unsubscribeToken).AbsoluteUri);
        var subject = $"{municipality.Name}: {title}{(moment.Basis == Basis.Estimate ? $" ({words.Expected})" : "")} {when}";

        var text = new StringBuilder()
            .Append(words.ComingUpIn).Append(' ').Append(content.Municipality).Append(": ").Append(title).Append(", ").Append(when).Append(".\n")
            .Append(words.Date).Append(": ").Append(content.Dates).Append(" (").Append(content.Basis).Append(").")
            .Append(content.Range.Length > 0 ? " " + content.Range : "")
            .Append("\n\n").Append(words.WhyNow).Append(":\n").Append(content.Advice).Append("\n\n")
            .Append(words.Audiences).Append(": ").Append(content.Audiences).Append("\n\n")
            .Append(words.MoreAboutThisMoment).Append(": ").Append(content.MomentUrl).Append('\n')
            .Append(words.YourCalendarFeed).Append(": ").Append(content.FeedUrl).Append('\n');
        var body = await html.RenderAsync<NudgeMail>(new Dictionary<string, object?> { [nameof(NudgeMail.Words)] = words, [nameof(NudgeMail.Content)] = content });
        return Build(email, name, subject, text.ToString(), body, messageId, unsubscribeToken, words, now);
    }

    /// <summary>A speaking-rights nudge: a committee meets about a moment the person follows; how to register to speak and what to bring.</summary>
    public async Task<MimeMessage> SpeakingAsync(string email, string name, Language language, SpeakingLead lead, string municipality,
        string meetingTitle, string committee, string meetingUrl, LocalDate date, LocalTime? start, MomentKey moment, string momentName,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        var list = new List<(string Text, string Url)>();
        if (Uri.TryCreate(meetingUrl, UriKind.Absolute, out var meeting) && (meeting.Scheme == Uri.UriSchemeHttps || meeting.Scheme == Uri.UriSchemeHttp))
        {
            list.Add((language == Language.En ? "The meeting at the council" : "De vergadering bij de raad", meeting.AbsoluteUri));
        }
        list.Add((words.MoreAboutThisMoment, links.MailMoment(moment).AbsoluteUri));
        list.Add((words.YourCalendarFeed, links.MyFeed.AbsoluteUri));
        var content = SpeakingContent.Create(language, lead, municipality, meetingTitle, committee, date, start, sendDay, momentName, list);
        var body = await html.RenderAsync<SpeakingMail>(new Dictionary<string, object?>
        {
            [nameof(SpeakingMail.Words)] = words,
            [nameof(SpeakingMail.Content)] = content,
            [nameof(SpeakingMail.UnsubscribeUrl)] = links.Unsubscribe(unsubscribeToken).AbsoluteUri,
        });
        return Build(email, name, content.Subject, content.Text(), body, messageId, unsubscribeToken, words, now);
    }

    public async Task<MimeMessage> DigestAsync(string email, string name, Language language, IReadOnlyList<ThisWeekItem> items,
        LocalDate monday, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        // The same list as the home page's "Deze week": open or due within four weeks, most urgent first.
        var lines = items.Select(item => new DigestLine(
            $"{item.Title(language)} – {item.Municipality.Name}, {(item.IsOpen ? words.RunsUntil : words.From)} {DateText.Short(item.UrgentBy, language)}",
            links.MailMoment(item.Moment.Key).AbsoluteUri,
            item.Action.In(language))).ToList();
        var text = new StringBuilder(words.MomentsInTwoWeeks).Append("\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line.Text).Append("\n  ").Append(line.Action).Append("\n  ").Append(line.Url).Append('\n');
        }
        if (lines.Count == 0)
        {
            text.Append(words.NothingComing).Append('\n');
        }
        var body = await html.RenderAsync<DigestMail>(new Dictionary<string, object?>
        {
            [nameof(DigestMail.Words)] = words,
            [nameof(DigestMail.Lines)] = lines,
            [nameof(DigestMail.UnsubscribeUrl)] = links.Unsubscribe(unsubscribeToken, digestOnly: true).AbsoluteUri,
        });
        return Build(email, name, words.DigestSubject(DateText.Long(monday, language)), text.ToString(), body, messageId, unsubscribeToken, words, now, digestOnly: true);
    }

    /// <param name="digestOnly">A digest: its unsubscribe link, one-click included, stops the digest alone.</param>
    private MimeMessage Build(string email, string name, string subject, string text, string html, string messageId, string unsubscribeToken, MailWords words, Instant now,
        bool digestOnly = false)
    {
        var unsubscribeUrl = links.Unsubscribe(unsubscribeToken, digestOnly).AbsoluteUri;
        var from = MailboxAddress.Parse(mail.Value.From);
        var message = new MimeMessage { Subject = subject, MessageId = messageId, Date = now.ToDateTimeOffset() };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(name, email));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>, <mailto:{from.Address}?subject=unsubscribe%20{unsubscribeToken}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            TextBody = $"{text}\n--\n{words.WhyYouReceiveThis} {words.StopTheseEmails}: {unsubscribeUrl}\n",
            HtmlBody = html,
        }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, words.LanguageTag);
        return message;
    }
}
