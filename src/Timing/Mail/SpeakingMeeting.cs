using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Mail;

/// <summary>A committee meeting a speaking-rights reminder is about, with the moment it discusses.</summary>
/// <param name="Lead">A week ahead, or the last working day before it.</param>
/// <param name="Municipality">The municipality's name.</param>
/// <param name="MeetingTitle">The meeting as the council calls it.</param>
/// <param name="Committee">The committee, when the source names it apart from the title.</param>
/// <param name="MeetingUrl">The meeting's page at the council, as the source gives it.</param>
/// <param name="Date">The meeting's day.</param>
/// <param name="Start">Its start time in Amsterdam, when the source gives one.</param>
/// <param name="Moment">The moment it discusses.</param>
/// <param name="MomentName">That moment's name.</param>
public sealed record SpeakingMeeting(SpeakingLead Lead, string Municipality, string MeetingTitle, string Committee, string MeetingUrl, LocalDate Date,
    LocalTime? Start, MomentKey Moment, LocalizedText MomentName);
