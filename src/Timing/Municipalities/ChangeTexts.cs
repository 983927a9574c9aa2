using Timing.Core.Cycle;
using Timing.Storage;
using Timing.Web;

namespace Timing.Municipalities;

/// <summary>What a director reads about a change to a followed municipality: the problems with a form and the confirmations.</summary>
public static class ChangeTexts
{
    public static LocalizedText ChooseMoment { get; } = new("Kies een moment uit de lijst.", "Choose a moment from the list.");

    public static LocalizedText EnterDate { get; } = new("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-06-10.", "Enter a date as YYYY-MM-DD, for example 2026-06-10.");

    public static LocalizedText EnterEndDate { get; } = new("Vul een einddatum in als JJJJ-MM-DD, op of na de begindatum; of laat het veld leeg voor één dag.",
        "Enter an end date as YYYY-MM-DD, on or after the start date; or leave it empty for a single day.");

    public static LocalizedText SingleDay { get; } = new("Dit moment duurt één dag: laat de einddatum leeg.", "This moment lasts a single day: leave the end date empty.");

    public static LocalizedText EnterMergerDate { get; } = new("Vul de herindelingsdatum in als JJJJ-MM-DD, meestal JJJJ-01-01.", "Enter the merger date as YYYY-MM-DD, usually YYYY-01-01.");

    public static LocalizedText ChooseWhatHappens { get; } = new("Kies wat er gebeurt.", "Choose what happens.");

    public static LocalizedText EnterEventTitle { get; } = new($"Vul een titel in (hoogstens {TextLimits.EventTitle} tekens); bij ‘Andere gebeurtenis’ is die nodig.",
        $"Enter a title (at most {TextLimits.EventTitle} characters); it is needed for ‘Other event’.");

    public static LocalizedText ChooseOwnDate { get; } = new("Kies een van uw eigen ingevoerde data.", "Choose one of the dates you entered.");

    public static LocalizedText GiveSource { get; } = new("Geef een bron die iedereen kan controleren: een adres dat begint met https://, bijvoorbeeld de vergaderpagina van de raad.",
        "Give a source anyone can check: an address starting with https://, for example the council's meeting page.");

    public static LocalizedText ActualUnchanged(LocalizedText title) =>
        new($"Niets gewijzigd: {title.Nl} had deze datum al.", $"Nothing changed: {title.En} already had this date.");

    public static LocalizedText ActualSaved(LocalizedText title, DateInterval dates) =>
        new($"Werkelijke datum opgeslagen: {title.Nl}, {DateText.Range(dates.Start, dates.End, Language.Nl)}. De momenten die ervan afhangen zijn mee verschoven.",
            $"Actual date saved: {title.En}, {DateText.Range(dates.Start, dates.End, Language.En)}. The moments that depend on it have moved along.");

    public static LocalizedText MergerOn(LocalDate day) => new($"herindeling op {DateText.Long(day, Language.Nl)}", $"merger on {DateText.Long(day, Language.En)}");

    public static LocalizedText NoMerger { get; } = new("geen herindeling", "no merger");

    public static LocalizedText SchoolRegion(LocalizedText region) => new LocalizedText("schoolregio ", "school region ") + region;

    public static LocalizedText UnknownRegion { get; } = new("onbekend", "unknown");

    public static LocalizedText ScheduleUnchanged { get; } = new("Niets gewijzigd: het schema was al zo.", "Nothing changed: the schedule already was like this.");

    public static LocalizedText ScheduleSaved(IReadOnlyList<LocalizedText> changes) =>
        new($"Schema opgeslagen: {string.Join(", ", changes.Select(c => c.Nl))}.", $"Schedule saved: {string.Join(", ", changes.Select(c => c.En))}.");

    public static LocalizedText EventAdded(LocalizedText name, LocalDate day) =>
        new($"Gebeurtenis toegevoegd: {name.Nl}, {DateText.Long(day, Language.Nl)}. Ze staat in de tijdlijn en de agenda-feeds.",
            $"Event added: {name.En}, {DateText.Long(day, Language.En)}. It is in the timeline and the calendar feeds.");

    public static LocalizedText Published(LocalizedText title, DateInterval dates, Uri source) =>
        new($"Openbaar gemaakt: {title.Nl}, {DateText.Range(dates.Start, dates.End, Language.Nl)}, met bron {source}. Elke organisatie die deze gemeente volgt ziet deze datum; de herinneringen worden zo dadelijk opnieuw gepland.",
            $"Published: {title.En}, {DateText.Range(dates.Start, dates.End, Language.En)}, with source {source}. Every organisation following this municipality sees this date; the reminders will be re-planned shortly.");

    public static LocalizedText Confirmed(Meeting meeting, LocalizedText kind) =>
        new($"Bevestigd: {meeting.Title} ({DateText.Long(meeting.Date, Language.Nl)}) dateert nu {kind.Nl} voor iedereen die deze gemeente volgt; de herinneringen worden zo dadelijk opnieuw gepland.",
            $"Confirmed: {meeting.Title} ({DateText.Long(meeting.Date, Language.En)}) now dates {kind.En} for everyone following this municipality; the reminders will be re-planned shortly.");

    public static LocalizedText AlreadyConfirmed(Meeting meeting) =>
        new($"Niets gewijzigd: {meeting.Title} was al bevestigd door {meeting.ConfirmedBy}.", $"Nothing changed: {meeting.Title} was already confirmed by {meeting.ConfirmedBy}.");

    public static LocalizedText AlreadyRemoved { get; } = new("Dit was al verwijderd.", "This was already removed.");

    public static LocalizedText ActualRemoved(LocalizedText thing) =>
        new($"Werkelijke datum verwijderd: {thing.Nl}. De tijdlijn volgt hier weer de regels en schattingen.",
            $"Actual date removed: {thing.En}. The timeline follows the rules and estimates here again.");

    public static LocalizedText EventRemoved(LocalizedText thing) =>
        new($"Gebeurtenis verwijderd: {thing.Nl}. Ze verdwijnt uit de tijdlijn en de agenda-feeds.", $"Event deleted: {thing.En}. It disappears from the timeline and the calendar feeds.");

    public static LocalizedText Unfollowed(string name) =>
        new($"{name} wordt niet meer gevolgd. De gemeente verdwijnt uit het overzicht en uit de agenda-feeds van uw organisatie.",
            $"{name} is no longer followed. It disappears from the overview and from your organisation's calendar feeds.");
}
