using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>One nudge to send: to whom, about which moment, for which lead, and when (08:30 Amsterdam on a working day).</summary>
public sealed record PlannedNudge(int PersonId, MomentKey Moment, NudgeLead Lead, LocalDate Day, Instant SendAt)
{
    /// <summary>The outbox identity: the same person, moment, lead and day is the same nudge.</summary>
    public string Key => $"{PersonId}|{Moment}|{Lead.Id}|{Day:yyyy-MM-dd}";
}
