namespace Timing.Core.Cycle;

/// <summary>
/// The real date of one moment of one cycle, entered when it becomes known. It replaces the
/// derived date, and every moment derived from it moves with it.
/// </summary>
public sealed record ActualDate
{
    public ActualDate(string kind, int cycle, DateInterval dates)
    {
        if (!MomentKinds.IsKnown(kind))
        {
            throw new ArgumentException($"'{kind}' is not a moment kind.", nameof(kind));
        }
        Kind = kind;
        Cycle = cycle;
        Dates = dates;
    }

    public string Kind { get; }

    /// <summary>The election year (or calendar year for yearly moments) the date belongs to.</summary>
    public int Cycle { get; }

    /// <summary>The date (a one-day interval) or the dates of a window.</summary>
    public DateInterval Dates { get; }
}
