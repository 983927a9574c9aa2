using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>One line of "Deze week": a moment that is open now or due soon, with what to do and by when.</summary>
/// <param name="Municipality">The municipality the moment belongs to.</param>
/// <param name="Moment">The moment.</param>
/// <param name="IsOpen">True when the moment runs today (a window that has started); false when it is still ahead.</param>
/// <param name="UrgentBy">The day that makes it urgent: the start of a coming moment, the end of an open one.</param>
/// <param name="Action">One line of what to do now.</param>
public sealed record ThisWeekItem(Municipality Municipality, Moment Moment, bool IsOpen, LocalDate UrgentBy, LocalizedText Action);
