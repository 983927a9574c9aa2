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

    public static LocalizedText OtherMunicipalitiesFormat { get; } = new("{0} andere gemeenten", "{0} other municipalities");
}
