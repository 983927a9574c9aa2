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
public sealed class NudgeMessages(PublicLinks links, MailHtml html, IOptions<MailOptions> mail, CycleRules rules)
{
    public async Task<MimeMessage> NudgeAsync(string email, string name, Language language, Municipality municipality, Moment moment, NudgeLead lead,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        var edge = lead.Edge == MomentEdge.Start ? moment.Start : moment.End;
        var when = words.When(moment, lead.Edge, Period.DaysBetween(sendDay, edge));
        var title = MomentLines.Title(moment, language);
        var content = new NudgeContent(
            Title: title,
            Municipality: municipality.Name,
            When: when,
            Dates: DateText.Range(moment.Start, moment.End, language),
            Basis: FeedEventBuilder.BasisText(moment.Basis, language),
            Range: moment.Estimate is not null ? DateText.Expected(moment, language) + "." : "",
            Advice: moment.Advice.In(language),
            Audiences: string.Join(", ", moment.Audiences.Select(a => rules.AudienceName(a, language))),
            Bring: moment.Bring?.In(language) ?? "",
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
            .Append(content.Bring.Length > 0 ? $"{words.Bring}: {content.Bring}\n\n" : "")
            .Append(words.MoreAboutThisMoment).Append(": ").Append(content.MomentUrl).Append('\n')
            .Append(words.YourCalendarFeed).Append(": ").Append(content.FeedUrl).Append('\n');
        var body = await html.RenderAsync<NudgeMail>(new Dictionary<string, object?> { [nameof(NudgeMail.Words)] = words, [nameof(NudgeMail.Content)] = content });
        return Build(email, name, subject, text.ToString(), body, messageId, unsubscribeToken, words, now);
    }

    /// <summary>A speaking-rights nudge: a committee meets about a moment the person follows; how to register to speak and what to bring.</summary>
    public async Task<MimeMessage> SpeakingAsync(string email, string name, Language language, SpeakingMeeting meeting,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        var content = Speaking(meeting, language, sendDay);
        var body = await html.RenderAsync<SpeakingMail>(new Dictionary<string, object?>
        {
            [nameof(SpeakingMail.Words)] = words,
            [nameof(SpeakingMail.Content)] = content,
            [nameof(SpeakingMail.UnsubscribeUrl)] = links.Unsubscribe(unsubscribeToken).AbsoluteUri,
        });
        return Build(email, name, content.Subject, content.Text(), body, messageId, unsubscribeToken, words, now);
    }

    private SpeakingContent Speaking(SpeakingMeeting meeting, Language language, LocalDate sendDay)
    {
        var words = MailWords.For(language);
        var list = new List<(string Text, string Url)>();
        if (Uri.TryCreate(meeting.MeetingUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            list.Add((MailTexts.TheMeetingAtTheCouncil.In(language), url.AbsoluteUri));
        }
        list.Add((words.MoreAboutThisMoment, links.MailMoment(meeting.Moment).AbsoluteUri));
        list.Add((words.YourCalendarFeed, links.MyFeed.AbsoluteUri));
        return SpeakingContent.Create(language, meeting.Lead, meeting.Municipality, meeting.MeetingTitle, meeting.Committee, meeting.Date, meeting.Start, sendDay,
            meeting.MomentName, list);
    }

    /// <summary>
    /// A person's reminders of one day in one message: one line per moment, naming every municipality where it falls
    /// on those dates, then the committee meetings to speak at, the soonest first. The subject names the soonest and
    /// says how many more follow.
    /// </summary>
    public async Task<MimeMessage> DailyAsync(string email, string name, Language language,
        IReadOnlyList<(Municipality Municipality, Moment Moment, NudgeLead Lead)> moments, IReadOnlyList<SpeakingMeeting> meetings,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        var lines = new List<(LocalDate Edge, string Subject, DigestLine Line)>();
        foreach (var line in MomentLines.Group(moments, r => r.Moment, r => r.Municipality, r => r.Lead.Id))
        {
            var (_, moment, lead) = line.First;
            var edge = lead.Edge == MomentEdge.Start ? moment.Start : moment.End;
            var what = $"{MomentLines.Title(moment, language)}{(moment.Basis == Basis.Estimate ? $" ({words.Expected})" : "")} {words.When(moment, lead.Edge, Period.DaysBetween(sendDay, edge))}";
            var places = MomentLines.FewNames(line.Municipalities.Select(m => m.Name).ToList(), language);
            lines.Add((edge, $"{places}: {what}", new DigestLine(
                $"{what} – {line.MunicipalityNames(language)}: {DateText.Range(moment.Start, moment.End, language)}",
                links.MailMoment(moment.Key).AbsoluteUri,
                ThisWeek.ActionOf(moment).In(language))));
        }
        foreach (var meeting in meetings)
        {
            var content = Speaking(meeting, language, sendDay);
            lines.Add((meeting.Date, content.Subject, new DigestLine(content.Subject, content.Links[0].Url, content.Intro)));
        }
        var ordered = lines.OrderBy(l => l.Edge).ThenBy(l => l.Subject, StringComparer.Ordinal).ToList();
        var subject = ordered[0].Subject + (ordered.Count > 1 ? " " + words.MoreMoments(ordered.Count - 1) : "");
        var text = new StringBuilder(words.RemindersOfToday).Append("\n\n");
        foreach (var (_, _, line) in ordered)
        {
            text.Append("- ").Append(line.Text).Append("\n  ").Append(line.Action).Append("\n  ").Append(line.Url).Append('\n');
        }
        text.Append('\n').Append(words.YourCalendarFeed).Append(": ").Append(links.MyFeed.AbsoluteUri).Append('\n');
        var body = await html.RenderAsync<DigestMail>(new Dictionary<string, object?>
        {
            [nameof(DigestMail.Words)] = words,
            [nameof(DigestMail.Heading)] = words.RemindersOfToday,
            [nameof(DigestMail.Lines)] = ordered.Select(l => l.Line).ToList(),
            [nameof(DigestMail.UnsubscribeUrl)] = links.Unsubscribe(unsubscribeToken).AbsoluteUri,
        });
        return Build(email, name, subject, text.ToString(), body, messageId, unsubscribeToken, words, now);
    }

    /// <summary>
    /// An estimate whose expected date has passed: the digest asks for the real date, as the pages do, and links to where
    /// a director answers with one click: the municipality's page, or for several the overview, which asks for each.
    /// </summary>
    private DigestLine Question(MomentLine<ThisWeekItem> line, Language language)
    {
        var moment = line.First.Moment;
        // A question's moment starts today: it was narrowed to what is still possible.
        var last = moment.Estimate?.End ?? moment.End;
        var latest = last > moment.Start ? LocalizedText.From(l => DateText.Short(last, l)) : null;
        var question = new Web.DateQuestion(moment, line.MunicipalityNames(language), moment.Start, canAnswer: false).Text(language);
        return new DigestLine(
            $"{question} – {line.MunicipalityNames(language)}",
            (line.Municipalities.Count > 1 ? links.Overview : links.Municipality(moment.Key.Municipality)).AbsoluteUri,
            MailTexts.ExpectedAlready(latest, line.Municipalities.Count > 1).In(language));
    }

    public async Task<MimeMessage> DigestAsync(string email, string name, Language language, IReadOnlyList<ThisWeekItem> items,
        LocalDate monday, string messageId, string unsubscribeToken, Instant now)
    {
        var words = MailWords.For(language);
        // The same list as the home page's "Deze week": open or due within four weeks, most urgent first, one line
        // per moment across the municipalities where it falls on the same dates.
        var lines = ThisWeek.Lines(items).Select(line => line.First.Moment.AwaitsDate && line.First.Meeting is null
            ? Question(line, language)
            : new DigestLine(
                $"{line.First.Title(language)} – {line.MunicipalityNames(language)}, {(line.First.IsOpen ? words.RunsUntil : words.From)} {DateText.Short(line.First.UrgentBy, language)}",
                links.MailMoment(line.First.Moment.Key).AbsoluteUri,
                line.First.Action.In(language))).ToList();
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
