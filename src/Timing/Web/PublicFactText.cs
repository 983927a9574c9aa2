using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// A public fact in the reader's language: its moment, days and author ("meetings:ical" is a meeting calendar);
/// its source goes through <see cref="SourceText"/>.
/// </summary>
public static class PublicFactText
{
    /// <summary>Who or what set or reverted a fact: a person's address, an operator, or a meeting calendar.</summary>
    public static string Who(string setBy, Language language)
    {
        var en = language == Language.En;
        if (setBy.StartsWith("operator:", StringComparison.Ordinal))
        {
            return (en ? "operator " : "beheerder ") + setBy["operator:".Length..];
        }
        if (setBy.StartsWith(Meetings.MeetingImporter.SetByPrefix, StringComparison.Ordinal))
        {
            return (en ? "meeting calendar (" : "vergaderkalender (") + SourceKind(setBy[Meetings.MeetingImporter.SetByPrefix.Length..]) + ")";
        }
        return setBy;
    }

    /// <summary>The name of a kind of meeting calendar.</summary>
    public static string SourceKind(string kind) => kind switch
    {
        Meetings.MeetingSourceKinds.Ical => "iCalendar",
        Meetings.MeetingSourceKinds.Notubiz => "Notubiz",
        Meetings.MeetingSourceKinds.OpenBesluitvorming => "Open Besluitvorming",
        _ => kind,
    };

    /// <summary>A moment kind and cycle: "Begrotingsbehandeling (2028)".</summary>
    public static string Moment(string kind, int cycle, CycleRules rules, Language language) =>
        $"{rules.Find(kind)?.Name.In(language) ?? kind} ({cycle})";

    /// <summary>A fact's days: "4 november 2027" or "4 november 2027 t/m 5 november 2027".</summary>
    public static string Days(LocalDate start, LocalDate end, Language language) =>
        DateText.Range(start, end, language);
}
