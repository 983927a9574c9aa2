using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Core.Nudges;

/// <summary>One line of "Deze week": a moment that is open now or due soon, with what to do and by when.</summary>
/// <param name="Municipality">The municipality the moment belongs to.</param>
/// <param name="Moment">The moment.</param>
/// <param name="IsOpen">True when the moment runs today (a window that has started); false when it is still ahead.</param>
/// <param name="UrgentBy">The day that makes it urgent: the start of a coming moment, the end of an open one.</param>
/// <param name="Action">One line of what to do now.</param>
public sealed record ThisWeekItem(Municipality Municipality, Moment Moment, bool IsOpen, LocalDate UrgentBy, LocalizedText Action)
{
    /// <summary>
    /// For a line about speaking rights: the committee meeting on <see cref="Moment"/> where the person may speak;
    /// the line is open until the last working day before it, when registering with the griffie usually closes.
    /// </summary>
    public CommitteeMeeting? Meeting { get; init; }

    /// <summary>"Kadernota", what a director typed for their own event, or for speaking rights "Inspreken: Commissie Bestuur en Middelen".</summary>
    public string Title(Language language) => Meeting is null
        ? MomentLines.Title(Moment, language)
        : NudgeTexts.SpeakingAtTheCommittee.In(language) + Meeting.Title;
}
