using Timing.Core.Cycle;

namespace Timing.Mail;

/// <summary>Every word a nudge or digest says, in Dutch and English; a format holds {0} for a number or date.</summary>
public static class MailTexts
{
    public static LocalizedText Expected { get; } = new("verwacht", "expected");

    public static LocalizedText ComingUpIn { get; } = new("Binnenkort in", "Coming up in");

    public static LocalizedText Date { get; } = new("Datum", "Date");

    public static LocalizedText WhyNow { get; } = new("Waarom nu", "Why now");

    public static LocalizedText Audiences { get; } = new("Wie u benadert", "Whom to approach");

    public static LocalizedText Bring { get; } = new("Wat neemt u mee", "What to bring");

    public static LocalizedText MoreAboutThisMoment { get; } = new("Meer over dit moment", "More about this moment");

    public static LocalizedText YourCalendarFeed { get; } = new("Uw agenda-feed", "Your calendar feed");

    public static LocalizedText Starts { get; } = new("begint", "starts");

    public static LocalizedText Closes { get; } = new("sluit", "closes");

    public static LocalizedText Today { get; } = new("vandaag", "today");

    public static LocalizedText Tomorrow { get; } = new("morgen", "tomorrow");

    public static LocalizedText InDaysFormat { get; } = new("over {0} dagen", "in {0} days");

    public static LocalizedText DigestSubjectFormat { get; } = new("Timing: deze week, vanaf {0}", "Timing: this week, from {0}");

    public static LocalizedText WeeksAhead { get; } = new("Deze week", "This week");

    /// <summary>Before the end date of a moment that is running: "loopt tot 3 mrt".</summary>
    public static LocalizedText RunsUntil { get; } = new("loopt tot", "runs until");

    /// <summary>Before the start date of a moment still to come: "vanaf 3 mrt".</summary>
    public static LocalizedText From { get; } = new("vanaf", "from");

    public static LocalizedText MomentsInTwoWeeks { get; } = new("Wat u nu kunt doen: momenten die lopen of binnen vier weken beginnen, en commissievergaderingen waar u kunt inspreken, het dringendste eerst.", "What to do now: moments that are running or start within four weeks, and committee meetings where you can speak, most urgent first.");

    public static LocalizedText NothingComing { get; } = new("Niets in uw gemeenten.", "Nothing in your municipalities.");

    public static LocalizedText WhyYouReceiveThis { get; } = new("U ontvangt dit omdat uw organisatie deze gemeenten volgt in Timing.", "You receive this because your organisation follows these municipalities in Timing.");

    public static LocalizedText StopTheseEmails { get; } = new("Geen e-mails meer", "Stop these e-mails");

    /// <summary>The heading of a day's reminders in one mail.</summary>
    public static LocalizedText RemindersOfToday { get; } = new("Uw herinneringen van vandaag, per moment met alle gemeenten waar het speelt", "Your reminders for today, one per moment with every municipality where it applies");

    public static LocalizedText MoreMomentsFormat { get; } = new("en {0} andere momenten", "and {0} more moments");

    public static LocalizedText OneMoreMoment { get; } = new("en 1 ander moment", "and 1 more moment");

    /// <summary>A digest line for an estimate whose expected date has passed, up to its latest possible day.</summary>
    /// <param name="latest">The latest plausible day, or null when even that has passed.</param>
    /// <param name="several">The line stands for several municipalities: each is answered on the overview.</param>
    public static LocalizedText ExpectedAlready(LocalizedText? latest, bool several)
    {
        var expected = latest is null
            ? new LocalizedText("Timing verwachtte het eerder.", "Timing expected it earlier.")
            : new LocalizedText($"Timing verwachtte het al; nog mogelijk tot {latest.Nl}.", $"Timing expected it already; still possible until {latest.En}.");
        var where = several
            ? new LocalizedText("in het overzicht, voor elke gemeente apart", "on the overview, for each municipality")
            : new LocalizedText("op de pagina van de gemeente", "on the municipality's page");
        return new($"{expected.Nl} Herinneringen wachten op de echte datum: een directeur vult die met één klik in {where.Nl}.",
            $"{expected.En} Reminders wait for the real date: a director enters it with one click {where.En}.");
    }


    // A speaking-rights nudge (SpeakingContent): a committee meets about a moment the person follows.

    public static LocalizedText TheMeetingAtTheCouncil { get; } = new("De vergadering bij de raad", "The meeting at the council");

    public static LocalizedText SpeakingAtTheCommittee => Core.Nudges.NudgeTexts.SpeakingAtTheCommittee;

    public static LocalizedText CommitteeMeeting { get; } = new("commissievergadering", "committee meeting");

    public static LocalizedText AWeekBefore { get; } = new(", een week van tevoren", ", a week before");

    public static LocalizedText LastWorkingDayBefore { get; } = new(", laatste werkdag ervoor", ", last working day before");

    public static LocalizedText HowToRegisterToSpeak { get; } = new("Aanmelden om in te spreken", "How to register to speak");

    public static LocalizedText RegisterNow { get; } = new(
        "Wie wil inspreken, meldt zich aan bij de griffie, de ondersteuning van de gemeenteraad. De termijn verschilt per gemeente, van een dag tevoren tot de ochtend van de vergadering; het reglement van orde of de website van de raad noemt de precieze regel. Meld u nu aan, dan heeft u de week om u voor te bereiden. Geef bij uw aanmelding door:",
        "To speak (inspreken), you register with the griffie, the office that supports the council. The deadline differs per municipality, from a day before to the morning of the meeting; the council's rules of procedure or website give the exact rule. Register now, so you have the week to prepare. When you register, give:");

    public static LocalizedText RegisterToday { get; } = new(
        "Heeft u zich nog niet aangemeld? Doe dat vandaag bij de griffie. De termijn verschilt per gemeente, van een dag tevoren tot de ochtend van de vergadering; het reglement van orde of de website van de raad noemt de precieze regel. Geef bij uw aanmelding door:",
        "Have you not registered yet? Do it today with the griffie (the council's clerks' office). The deadline differs per municipality, from a day before to the morning of the meeting; the council's rules of procedure or website give the exact rule. When you register, give:");

    public static IReadOnlyList<LocalizedText> RegisterWith { get; } =
    [
        new("uw naam en de organisatie namens wie u spreekt;", "your name and the organisation you speak for;"),
        new("het agendapunt waarover u wilt inspreken;", "the agenda item you want to speak about;"),
        new("een telefoonnummer of e-mailadres waarop de griffie u kan bereiken.", "a telephone number or e-mail address where the griffie can reach you."),
    ];

    public static IReadOnlyList<LocalizedText> BringToSpeak(string municipality) =>
    [
        new("een korte, uitgeschreven bijdrage: u heeft meestal drie tot vijf minuten spreektijd. Stuur de tekst vooraf naar de griffie, dan kan die hem delen met de commissieleden;",
            "a short contribution, written out: you usually have three to five minutes. Send the text to the griffie beforehand, so it can share it with the committee members;"),
        new($"één of twee voorbeelden uit uw werk in {municipality}, met cijfers als u die heeft;", $"one or two examples from your work in {municipality}, with figures where you have them;"),
        new("een duidelijk verzoek: wat vraagt u de raad te besluiten of te veranderen?", "a clear request: what do you ask the council to decide or change?"),
    ];

    public static LocalizedText AfterYouHaveSpoken { get; } = new(
        "Na uw bijdrage kunnen commissieleden u vragen stellen. Houd uw antwoorden kort en feitelijk; bied aan om later aanvullende informatie te sturen.",
        "After you have spoken, committee members may ask you questions. Keep your answers short and factual; offer to send further information afterwards.");

    public static LocalizedText SpeakingSubject(string municipality, LocalizedText moment, LocalizedText day, bool last) => last
        ? new($"{municipality}: vandaag aanmelden om in te spreken – {moment.Nl}, {day.Nl}", $"{municipality}: register today to speak – {moment.En}, {day.En}")
        : new($"{municipality}: inspreken bij de commissie – {moment.Nl}, {day.Nl}", $"{municipality}: speaking at the committee – {moment.En}, {day.En}");

    public static LocalizedText SpeakingTitle(LocalizedText moment) => new($"Inspreken bij de commissie: {moment.Nl}", $"Speaking at the committee: {moment.En}");

    /// <summary>"Op dinsdag 10 juni 2027 om 19.30 uur", or "Morgen, …," on the last working day before.</summary>
    public static LocalizedText SpeakingWhen(LocalizedText day, bool tomorrow) => tomorrow
        ? new($"Morgen, {day.Nl},", $"Tomorrow, {day.En}")
        : new($"Op {day.Nl}", $"On {day.En}");

    public static LocalizedText SpeakingIntro(LocalizedText when, string municipality, string meeting, LocalizedText moment) => new(
        $"{when.Nl} vergadert een commissie van de gemeenteraad van {municipality}: {meeting}. Deze vergadering hoort bij een moment dat u volgt: {moment.Nl}. Voordat de raad besluit, kunnen inwoners en organisaties meestal inspreken in de commissie; sommige raden laten dat alleen toe bij agendapunten of in een aparte beeldvormende sessie.",
        $"{when.En}, a committee of the municipal council of {municipality} meets: {meeting}. This meeting belongs to a moment you follow: {moment.En}. Before the council decides, residents and organisations can usually speak in the committee; some councils allow it only on agenda items or in a separate information session.");
}
