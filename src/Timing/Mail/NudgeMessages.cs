using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Feeds;

namespace Timing.Mail;

/// <summary>
/// Writes nudges and digests: text and HTML in the person's language, a subject that names the municipality
/// and the moment, what is coming, why now, whom to approach and what to bring, links to the moment and the
/// person's feed, and List-Unsubscribe headers (RFC 8058 one-click). No meeting invitations are attached.
/// </summary>
public sealed class NudgeMessages(IOptions<FeedOptions> feeds, IOptions<MailOptions> mail)
{
    private string BaseUrl => feeds.Value.BaseUrl.TrimEnd('/');

    public MimeMessage Nudge(string email, string name, Language language, Municipality municipality, Moment moment, NudgeLead lead,
        LocalDate sendDay, string messageId, string unsubscribeToken, Instant now)
    {
        var en = language == Language.En;
        var edge = lead.Edge == MomentEdge.Start ? moment.Start : moment.End;
        var days = Period.DaysBetween(sendDay, edge);
        var when = When(moment, lead.Edge, days, language);
        var title = moment.Title(language) + (moment.Basis == Basis.Estimate ? (en ? " (expected)" : " (verwacht)") : "");
        var subject = $"{municipality.Name}: {title} {when}";
        var momentUrl = $"{BaseUrl}/gemeenten/{municipality.Code.Value}/momenten/{moment.Kind}/{moment.Cycle}";
        var audiences = string.Join(", ", moment.Audiences.Select(a => Audiences.Name(a, language)));
        var dates = DateText.Range(moment.Start, moment.End, language);
        var basis = FeedEventBuilder.BasisText(moment.Basis, language);
        var range = moment.Estimate is { } r
            ? (en ? $"Expected between {DateText.Long(r.Start, language)} and {DateText.Long(r.End, language)}." : $"Verwacht tussen {DateText.Long(r.Start, language)} en {DateText.Long(r.End, language)}.")
            : "";

        var text = new StringBuilder();
        text.Append(en ? "Coming up in " : "Binnenkort in ").Append(municipality.Name).Append(": ").Append(moment.Title(language)).Append(", ").Append(when).Append(".\n");
        text.Append(en ? "Date: " : "Datum: ").Append(dates).Append(" (").Append(basis).Append(").");
        if (range.Length > 0)
        {
            text.Append(' ').Append(range);
        }
        text.Append("\n\n").Append(en ? "Why now, whom to approach and what to bring:\n" : "Waarom nu, wie u benadert en wat u meeneemt:\n")
            .Append(moment.Advice.In(language)).Append("\n\n")
            .Append(en ? "Whom to approach: " : "Wie benadert u: ").Append(audiences).Append("\n\n")
            .Append(en ? "More about this moment: " : "Meer over dit moment: ").Append(momentUrl).Append('\n')
            .Append(en ? "Your calendar feed: " : "Uw agenda-feed: ").Append(BaseUrl).Append("/mijn-feed\n");
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html(moment.Title(language))).Append("</h1>")
            .Append("<p><strong>").Append(Html(municipality.Name)).Append("</strong>, ").Append(Html(when)).Append(": ").Append(Html(dates)).Append(" (").Append(Html(basis)).Append(").");
        if (range.Length > 0)
        {
            html.Append(' ').Append(Html(range));
        }
        html.Append("</p><h2>").Append(en ? "Why now, whom to approach and what to bring" : "Waarom nu, wie u benadert en wat u meeneemt").Append("</h2>")
            .Append("<p>").Append(Html(moment.Advice.In(language))).Append("</p>")
            .Append("<p>").Append(en ? "Whom to approach: " : "Wie benadert u: ").Append(Html(audiences)).Append("</p>")
            .Append("<p><a href=\"").Append(Html(momentUrl)).Append("\">").Append(en ? "More about this moment" : "Meer over dit moment").Append("</a> · ")
            .Append("<a href=\"").Append(Html(BaseUrl)).Append("/mijn-feed\">").Append(en ? "Your calendar feed" : "Uw agenda-feed").Append("</a></p>");
        return Build(email, name, subject, text.ToString(), html.ToString(), messageId, unsubscribeToken, language, now);
    }

    public MimeMessage Digest(string email, string name, Language language, IReadOnlyList<ThisWeekItem> items,
        LocalDate monday, string messageId, string unsubscribeToken, Instant now)
    {
        var en = language == Language.En;
        var subject = en ? $"Timing: this week, from {DateText.Long(monday, language)}" : $"Timing: deze week, vanaf {DateText.Long(monday, language)}";
        var text = new StringBuilder(en ? "What to do now: moments that are running or start within four weeks, most urgent first.\n\n" : "Wat u nu kunt doen: momenten die lopen of binnen vier weken beginnen, het dringendste eerst.\n\n");
        var html = new StringBuilder("<h1>").Append(en ? "This week" : "Deze week").Append("</h1><ol>");
        foreach (var item in items)
        {
            var moment = item.Moment;
            var when = (item.IsOpen ? (en ? "runs until " : "loopt tot ") : (en ? "from " : "vanaf ")) + DateText.Short(item.UrgentBy, language);
            var line = $"{moment.Title(language)} – {item.Municipality.Name}, {when}";
            var url = $"{BaseUrl}/gemeenten/{item.Municipality.Code.Value}/momenten/{moment.Kind}/{moment.Cycle}{(moment.Key.LocalId is null ? "" : "/" + moment.Key.LocalId)}";
            var action = item.Action.In(language);
            text.Append("- ").Append(line).Append("\n  ").Append(action).Append("\n  ").Append(url).Append('\n');
            html.Append("<li><a href=\"").Append(Html(url)).Append("\">").Append(Html(line)).Append("</a><br>").Append(Html(action)).Append("</li>");
        }
        if (items.Count == 0)
        {
            text.Append(en ? "Nothing in your municipalities.\n" : "Niets in uw gemeenten.\n");
            html.Append("<li>").Append(en ? "Nothing in your municipalities." : "Niets in uw gemeenten.").Append("</li>");
        }
        html.Append("</ol>");
        return Build(email, name, subject, text.ToString(), html.ToString(), messageId, unsubscribeToken, language, now);
    }

    private MimeMessage Build(string email, string name, string subject, string text, string html, string messageId, string unsubscribeToken, Language language, Instant now)
    {
        var en = language == Language.En;
        var unsubscribeUrl = $"{BaseUrl}/afmelden-nudges/{unsubscribeToken}";
        var from = MailboxAddress.Parse(mail.Value.From);
        var footerText = en
            ? $"\n--\nYou receive this because your organisation follows these municipalities in Timing. Stop these e-mails: {unsubscribeUrl}\n"
            : $"\n--\nU ontvangt dit omdat uw organisatie deze gemeenten volgt in Timing. Geen e-mails meer: {unsubscribeUrl}\n";
        var footerHtml = $"<hr><p style=\"color:#535353\">{(en ? "You receive this because your organisation follows these municipalities in Timing." : "U ontvangt dit omdat uw organisatie deze gemeenten volgt in Timing.")} <a href=\"{Html(unsubscribeUrl)}\">{(en ? "Stop these e-mails" : "Geen e-mails meer")}</a></p>";
        var message = new MimeMessage { Subject = subject, MessageId = messageId, Date = now.ToDateTimeOffset() };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(name, email));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>, <mailto:{from.Address}?subject=unsubscribe%20{unsubscribeToken}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            TextBody = text + footerText,
            HtmlBody = $"<!DOCTYPE html><html lang=\"{(en ? "en" : "nl")}\"><body style=\"font-family:Arial,sans-serif;color:#1a1a1a\">{html}{footerHtml}</body></html>",
        }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, en ? "en" : "nl");
        return message;
    }

    private static string When(Moment moment, MomentEdge edge, int days, Language language)
    {
        var en = language == Language.En;
        var verb = moment.IsPoint ? "" : edge == MomentEdge.Start ? (en ? "starts " : "begint ") : (en ? "closes " : "sluit ");
        return days switch
        {
            <= 0 => verb + (en ? "today" : "vandaag"),
            1 => verb + (en ? "tomorrow" : "morgen"),
            _ => verb + (en ? $"in {days} days" : $"over {days} dagen"),
        };
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
