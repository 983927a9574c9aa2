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

    /// <summary>When the nudge falls, as people say it: "14 dagen voor het begin" / "14 days before the start".</summary>
    public LocalizedText Text
    {
        get
        {
            var start = Edge == MomentEdge.Start;
            if (Lead.Equals(Period.Zero))
            {
                return start ? new("op de eerste dag", "on the first day") : new("op de laatste dag", "on the last day");
            }
            var (nl, en) = Lead switch
            {
                { Months: > 0 and var m, Days: 0, Weeks: 0, Years: 0 } => ($"{m} maand{(m == 1 ? "" : "en")}", $"{m} month{(m == 1 ? "" : "s")}"),
                { Weeks: > 0 and var w, Days: 0, Months: 0, Years: 0 } => ($"{w} {(w == 1 ? "week" : "weken")}", $"{w} week{(w == 1 ? "" : "s")}"),
                _ => ($"{Lead.Days} {(Lead.Days == 1 ? "dag" : "dagen")}", $"{Lead.Days} day{(Lead.Days == 1 ? "" : "s")}"),
            };
            return start
                ? new($"{nl} voor het begin", $"{en} before the start")
                : new($"{nl} voor het einde", $"{en} before the end");
        }
    }
}
