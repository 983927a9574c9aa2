using System.Globalization;
using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Mail;

/// <summary>
/// What a speaking-rights nudge says: that a committee meets about a moment, how to register to speak (inspreken)
/// with the griffie, and what to bring. Worked out once, in Dutch or English, and written into both the text and the
/// HTML part; the list of a person's reminders names it with <see cref="ListName"/>.
/// </summary>
public sealed record SpeakingContent(
    string Subject,
    string Title,
    string Intro,
    string RegisterHeading,
    string Register,
    IReadOnlyList<string> RegisterWith,
    string BringHeading,
    IReadOnlyList<string> Bring,
    string Closing,
    IReadOnlyList<(string Text, string Url)> Links)
{
    private static readonly string[] WeekdaysNl = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    private static readonly string[] WeekdaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <param name="meetingTitle">The meeting as the council calls it.</param>
    /// <param name="committee">The committee, when the source names it apart from the title.</param>
    /// <param name="start">The meeting's start time in Amsterdam, when the source gives one.</param>
    /// <param name="momentName">The name of the moment the meeting discusses, e.g. "Begrotingsbehandeling".</param>
    /// <param name="links">Where to read more: the meeting at the council, the moment, the person's feed.</param>
    public static SpeakingContent Create(Language language, SpeakingLead lead, string municipality, string meetingTitle, string committee,
        LocalDate date, LocalTime? start, LocalDate sendDay, string momentName, IReadOnlyList<(string Text, string Url)> links)
    {
        var en = language == Language.En;
        var meeting = committee.Length > 0 && !meetingTitle.Contains(committee, StringComparison.OrdinalIgnoreCase) ? $"{meetingTitle} ({committee})" : meetingTitle;
        var day = en
            ? $"{WeekdaysEn[(int)date.DayOfWeek - 1]} {DateText.Long(date, language)}"
            : $"{WeekdaysNl[(int)date.DayOfWeek - 1]} {DateText.Long(date, language)}";
        var time = start is { } t ? (en ? $" at {t.ToString("HH:mm", CultureInfo.InvariantCulture)}" : $" om {t.ToString("HH.mm", CultureInfo.InvariantCulture)} uur") : "";
        var tomorrow = sendDay.PlusDays(1) == date;
        var shortDay = DateText.Short(date, language);
        var last = lead == SpeakingLead.LastWorkingDay;

        var subject = en
            ? last ? $"{municipality}: register today to speak – {momentName}, {shortDay}" : $"{municipality}: speaking at the committee – {momentName}, {shortDay}"
            : last ? $"{municipality}: vandaag aanmelden om in te spreken – {momentName}, {shortDay}" : $"{municipality}: inspreken bij de commissie – {momentName}, {shortDay}";
        var title = en ? $"Speaking at the committee: {momentName}" : $"Inspreken bij de commissie: {momentName}";
        var when = en
            ? (last && tomorrow ? $"Tomorrow, {day}{time}" : $"On {day}{time}")
            : (last && tomorrow ? $"Morgen, {day}{time}," : $"Op {day}{time}");
        var intro = en
            ? $"{when}, a committee of the municipal council of {municipality} meets: {meeting}. This meeting belongs to a moment you follow: {momentName}. Before the council decides, residents and organisations can usually speak in the committee; some councils allow it only on agenda items or in a separate information session."
            : $"{when} vergadert een commissie van de gemeenteraad van {municipality}: {meeting}. Deze vergadering hoort bij een moment dat u volgt: {momentName}. Voordat de raad besluit, kunnen inwoners en organisaties meestal inspreken in de commissie; sommige raden laten dat alleen toe bij agendapunten of in een aparte beeldvormende sessie.";
        var register = en
            ? (last
                ? "Have you not registered yet? Do it today with the griffie (the council's clerks' office). The deadline differs per municipality, from a day before to the morning of the meeting; the council's rules of procedure or website give the exact rule. When you register, give:"
                : "To speak (inspreken), you register with the griffie, the office that supports the council. The deadline differs per municipality, from a day before to the morning of the meeting; the council's rules of procedure or website give the exact rule. Register now, so you have the week to prepare. When you register, give:")
            : (last
                ? "Heeft u zich nog niet aangemeld? Doe dat vandaag bij de griffie. De termijn verschilt per gemeente, van een dag tevoren tot de ochtend van de vergadering; het reglement van orde of de website van de raad noemt de precieze regel. Geef bij uw aanmelding door:"
                : "Wie wil inspreken, meldt zich aan bij de griffie, de ondersteuning van de gemeenteraad. De termijn verschilt per gemeente, van een dag tevoren tot de ochtend van de vergadering; het reglement van orde of de website van de raad noemt de precieze regel. Meld u nu aan, dan heeft u de week om u voor te bereiden. Geef bij uw aanmelding door:");
        IReadOnlyList<string> registerWith = en
            ? ["your name and the organisation you speak for;", "the agenda item you want to speak about;", "a telephone number or e-mail address where the griffie can reach you."]
            : ["uw naam en de organisatie namens wie u spreekt;", "het agendapunt waarover u wilt inspreken;", "een telefoonnummer of e-mailadres waarop de griffie u kan bereiken."];
        IReadOnlyList<string> bring = en
            ? [
                "a short contribution, written out: you usually have three to five minutes. Send the text to the griffie beforehand, so it can share it with the committee members;",
                $"one or two examples from your work in {municipality}, with figures where you have them;",
                "a clear request: what do you ask the council to decide or change?",
            ]
            : [
                "een korte, uitgeschreven bijdrage: u heeft meestal drie tot vijf minuten spreektijd. Stuur de tekst vooraf naar de griffie, dan kan die hem delen met de commissieleden;",
                $"één of twee voorbeelden uit uw werk in {municipality}, met cijfers als u die heeft;",
                "een duidelijk verzoek: wat vraagt u de raad te besluiten of te veranderen?",
            ];
        var closing = en
            ? "After you have spoken, committee members may ask you questions. Keep your answers short and factual; offer to send further information afterwards."
            : "Na uw bijdrage kunnen commissieleden u vragen stellen. Houd uw antwoorden kort en feitelijk; bied aan om later aanvullende informatie te sturen.";
        return new SpeakingContent(subject, title, intro, en ? "How to register to speak" : "Aanmelden om in te spreken", register, registerWith,
            en ? "What to bring" : "Wat neemt u mee", bring, closing, links);
    }

    /// <summary>How the list of a person's reminders names the nudge: "Inspreken: Commissie Mens en Samenleving (28 oktober 2027), een week van tevoren".</summary>
    public static string ListName(Language language, SpeakingLead? lead, string meetingTitle, LocalDate? date)
    {
        var en = language == Language.En;
        var what = (en ? "Speaking at the committee: " : "Inspreken: ") + (meetingTitle.Length > 0 ? meetingTitle : en ? "committee meeting" : "commissievergadering");
        if (date is { } d)
        {
            what += $" ({DateText.Long(d, language)})";
        }
        return lead switch
        {
            SpeakingLead.WeekBefore => what + (en ? ", a week before" : ", een week van tevoren"),
            SpeakingLead.LastWorkingDay => what + (en ? ", last working day before" : ", laatste werkdag ervoor"),
            _ => what,
        };
    }

    /// <summary>The text part: the same as the HTML part, line by line.</summary>
    public string Text()
    {
        var text = new System.Text.StringBuilder()
            .Append(Title).Append("\n\n").Append(Intro).Append("\n\n")
            .Append(RegisterHeading).Append('\n').Append(Register).Append('\n');
        foreach (var item in RegisterWith)
        {
            text.Append("- ").Append(item).Append('\n');
        }
        text.Append('\n').Append(BringHeading).Append('\n');
        foreach (var item in Bring)
        {
            text.Append("- ").Append(item).Append('\n');
        }
        text.Append('\n').Append(Closing).Append("\n\n");
        foreach (var (label, url) in Links)
        {
            text.Append(label).Append(": ").Append(url).Append('\n');
        }
        return text.ToString();
    }
}
