namespace Timing.Meetings;

/// <summary>One meeting as a source shows it, before it is stored and matched.</summary>
/// <param name="ExternalId">The meeting's id in its source (an iCalendar UID, a Notubiz event id, an OpenBesluitvorming id).</param>
/// <param name="Date">The day in Amsterdam.</param>
/// <param name="Start">The start time, when the source gives one.</param>
public sealed record FetchedMeeting(string ExternalId, string Title, string Committee, string Location, string Url, LocalDate Date, Instant? Start)
{
    /// <summary>
    /// The titles of the meeting's agenda items, in agenda order, when the source gave them. Real councils often
    /// name the budget or the kadernota only in an agenda item under a generic title such as "Gemeenteraad".
    /// </summary>
    public IReadOnlyList<string> AgendaItems { get; init; } = [];
}
