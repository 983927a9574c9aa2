using Timing.Core.Cycle;

namespace Timing.Web.Texts;

/// <summary>The public pages of a municipality and its moments, open to anyone.</summary>
public static class PublicTexts
{
    public static LocalizedText MunicipalityOf { get; } = new("Gemeente", "Municipality of");

    public static LocalizedText PublicFactsAboutThisMunicipalityApply { get; } = new("Openbare feiten over deze gemeente gelden voor iedere organisatie die haar volgt: ze gaan vóór de gebruikelijke data uit de regels. Een organisatie die zelf een datum invoert, ziet haar eigen datum.", "Public facts about this municipality apply to every organisation that follows it: they come before the usual dates from the rules. An organisation that enters a date itself sees its own date.");

    public static LocalizedText PublicCalendarFeed { get; } = new("Openbare agenda-feed", "Public calendar feed");

    public static LocalizedText WhereTheDatesComeFrom { get; } = new("Waar de data vandaan komen", "Where the dates come from");

    public static LocalizedText NoPublicFactsYet { get; } = new("Nog geen openbare feiten.", "No public facts yet.");

    public static LocalizedText Operator { get; } = new("Beheer", "Operator");

    public static LocalizedText ComingMeetings { get; } = new("Komende vergaderingen", "Coming meetings");

    public static LocalizedText Meeting { get; } = new("Vergadering", "Meeting");

    public static LocalizedText NotConfirmedYet { get; } = new(" (nog niet bevestigd)", " (not confirmed yet)");

    public static LocalizedText Changes { get; } = new("Wijzigingen", "Changes");

    public static LocalizedText WhoOrWhat { get; } = new("Wie of wat", "Who or what");

    public static LocalizedText Value { get; } = new("Waarde", "Value");

    public static LocalizedText Reverted { get; } = new("Teruggedraaid", "Reverted");

    public static LocalizedText TheDateIsFixedOnceThe { get; } = new("De datum ligt vast zodra de regering hem bekendmaakt.", "The date is fixed once the government announces it.");

    public static LocalizedText ThisIsAnEstimateTheReal { get; } = new("Dit is een schatting; de werkelijke datum hangt af van de gemeente.", "This is an estimate; the real date depends on the municipality.");

    public static LocalizedText WhyNow { get; } = new("Waarom nu", "Why now");

    public static LocalizedText Subscribe { get; } = new("Abonneren", "Subscribe");

    public static LocalizedText PutEveryMomentOf { get; } = new("Zet alle momenten van", "Put every moment of");

    public static LocalizedText InYourCalendarOutlookGoogleApple { get; } = new("in uw agenda (Outlook, Google, Apple) met dit adres:", "in your calendar (Outlook, Google, Apple) with this address:");

    public static LocalizedText OnlyTheMomentsFor { get; } = new("Alleen de momenten voor", "Only the moments for");

    public static LocalizedText DoYouWorkWithThisMunicipality { get; } = new("Werkt u met deze gemeente? Meld u aan voor een eigen feed met uw data en herinneringen per e-mail.", "Do you work with this municipality? Sign in for your own feed with your dates and email reminders.");

    public static LocalizedText RevertedMeanwhile(string fact) => new($"Niets gewijzigd: het getoonde openbare feit {fact} is intussen al teruggedraaid of gewijzigd.",
        $"Nothing changed: the public fact {fact} that was shown has been reverted or changed meanwhile.");

    public static LocalizedText RevertedToTheRules(string fact, string was) => new($"Teruggedraaid: {fact}, {was}. Nu gelden weer de regels.", $"Reverted: {fact}, {was}. The rules apply again.");

    public static LocalizedText RevertedTo(string fact, string was, string now, string source) =>
        new($"Teruggedraaid: {fact}, {was}. Nu geldt {now} ({source}).", $"Reverted: {fact}, {was}. Now {now} applies ({source}).");
}
