using System.Globalization;
using Timing.Core.Cycle;

namespace Timing.Mail;

/// <summary>Every word a nudge or digest says, in Dutch and in English: the text part and the HTML part read from here.</summary>
public sealed class MailWords
{
    public static MailWords Dutch { get; } = new()
    {
        LanguageTag = "nl",
        Expected = "verwacht",
        ComingUpIn = "Binnenkort in",
        Date = "Datum",
        WhyNow = "Waarom nu",
        Audiences = "Wie u benadert",
        Bring = "Wat neemt u mee",
        MoreAboutThisMoment = "Meer over dit moment",
        YourCalendarFeed = "Uw agenda-feed",
        Starts = "begint",
        Closes = "sluit",
        Today = "vandaag",
        Tomorrow = "morgen",
        InDaysFormat = "over {0} dagen",
        DigestSubjectFormat = "Timing: deze week, vanaf {0}",
        WeeksAhead = "Deze week",
        RunsUntil = "loopt tot",
        From = "vanaf",
        MomentsInTwoWeeks = "Wat u nu kunt doen: momenten die lopen of binnen vier weken beginnen, en commissievergaderingen waar u kunt inspreken, het dringendste eerst.",
        NothingComing = "Niets in uw gemeenten.",
        WhyYouReceiveThis = "U ontvangt dit omdat uw organisatie deze gemeenten volgt in Timing.",
        StopTheseEmails = "Geen e-mails meer",
        RemindersOfToday = "Uw herinneringen van vandaag, per moment met alle gemeenten waar het speelt",
        MoreMomentsFormat = "en {0} andere momenten",
        OneMoreMoment = "en 1 ander moment",
        OtherMunicipalitiesFormat = "{0} andere gemeenten",
    };

    public static MailWords English { get; } = new()
    {
        LanguageTag = "en",
        Expected = "expected",
        ComingUpIn = "Coming up in",
        Date = "Date",
        WhyNow = "Why now",
        Audiences = "Whom to approach",
        Bring = "What to bring",
        MoreAboutThisMoment = "More about this moment",
        YourCalendarFeed = "Your calendar feed",
        Starts = "starts",
        Closes = "closes",
        Today = "today",
        Tomorrow = "tomorrow",
        InDaysFormat = "in {0} days",
        DigestSubjectFormat = "Timing: this week, from {0}",
        WeeksAhead = "This week",
        RunsUntil = "runs until",
        From = "from",
        MomentsInTwoWeeks = "What to do now: moments that are running or start within four weeks, and committee meetings where you can speak, most urgent first.",
        NothingComing = "Nothing in your municipalities.",
        WhyYouReceiveThis = "You receive this because your organisation follows these municipalities in Timing.",
        StopTheseEmails = "Stop these e-mails",
        RemindersOfToday = "Your reminders for today, one per moment with every municipality where it applies",
        MoreMomentsFormat = "and {0} more moments",
        OneMoreMoment = "and 1 more moment",
        OtherMunicipalitiesFormat = "{0} other municipalities",
    };

    public static MailWords For(Language language) => language == Language.En ? English : Dutch;

    public required string LanguageTag { get; init; }

    public required string Expected { get; init; }

    public required string ComingUpIn { get; init; }

    public required string Date { get; init; }

    public required string WhyNow { get; init; }

    public required string Audiences { get; init; }

    public required string Bring { get; init; }

    public required string MoreAboutThisMoment { get; init; }

    public required string YourCalendarFeed { get; init; }

    public required string Starts { get; init; }

    public required string Closes { get; init; }

    public required string Today { get; init; }

    public required string Tomorrow { get; init; }

    public required string InDaysFormat { get; init; }

    public required string DigestSubjectFormat { get; init; }

    public required string WeeksAhead { get; init; }

    public required string MomentsInTwoWeeks { get; init; }

    /// <summary>Before the end date of a moment that is running: "loopt tot 3 mrt".</summary>
    public required string RunsUntil { get; init; }

    /// <summary>Before the start date of a moment still to come: "vanaf 3 mrt".</summary>
    public required string From { get; init; }

    public required string NothingComing { get; init; }

    public required string WhyYouReceiveThis { get; init; }

    public required string StopTheseEmails { get; init; }

    /// <summary>The heading of a day's reminders in one mail.</summary>
    public required string RemindersOfToday { get; init; }

    public required string MoreMomentsFormat { get; init; }

    public required string OneMoreMoment { get; init; }

    public required string OtherMunicipalitiesFormat { get; init; }

    /// <summary>What a day's mail adds to its subject after the soonest moment: "en 3 andere momenten".</summary>
    public string MoreMoments(int count) => count == 1 ? OneMoreMoment : string.Format(CultureInfo.InvariantCulture, MoreMomentsFormat, count);

    /// <summary>"8 andere gemeenten", for a subject that names the first two of many.</summary>
    public string OtherMunicipalities(int count) => string.Format(CultureInfo.InvariantCulture, OtherMunicipalitiesFormat, count);

    /// <summary>When the moment (or its opening or closing) comes, seen from the send day: "begint over 14 dagen", "tomorrow".</summary>
    public string When(Moment moment, MomentEdge edge, int days)
    {
        var verb = moment.IsPoint ? "" : (edge == MomentEdge.Start ? Starts : Closes) + " ";
        return verb + days switch
        {
            <= 0 => Today,
            1 => Tomorrow,
            _ => string.Format(CultureInfo.InvariantCulture, InDaysFormat, days),
        };
    }

    public string DigestSubject(string monday) => string.Format(CultureInfo.InvariantCulture, DigestSubjectFormat, monday);
}
