namespace Timing.Core.Meetings;

/// <summary>
/// One moment a meeting is about: its kind, whether the match is certain enough to date the moment without a
/// person confirming it, the agenda item that named it (empty when the title did), and why.
/// </summary>
public sealed record MeetingMatch(string Kind, bool Certain, string AgendaItem, string Reason)
{
    /// <summary>Where the match was read, as a fact cites it: "agendapunt / agenda item '5 Programmabegroting 2026'", or empty for the title.</summary>
    public string Citation => AgendaItem.Length == 0 ? "" : $"agendapunt / agenda item '{AgendaItem}'";
}
