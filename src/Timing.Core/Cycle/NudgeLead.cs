namespace Timing.Core.Cycle;

/// <summary>Which edge of a moment a nudge is measured from.</summary>
public enum MomentEdge
{
    Start,
    End,
}

/// <summary>When to nudge for a moment: <see cref="Lead"/> before its start or end (zero: on the day).</summary>
public sealed record NudgeLead(MomentEdge Edge, Period Lead)
{
    /// <summary>A stable id for the outbox key, e.g. "start-P14D".</summary>
    public string Id => $"{(Edge == MomentEdge.Start ? "start" : "end")}-{Lead}";
}
