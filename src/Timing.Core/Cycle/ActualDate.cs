namespace Timing.Core.Cycle;

/// <summary>
/// The real date of one moment of one cycle, entered when it becomes known. It replaces the
/// derived date, and every moment derived from it moves with it. An organisation's own entry has basis
/// <see cref="Basis.Actual"/>; a public fact shared by every organisation (a council meeting, a published
/// date) has basis <see cref="Basis.Local"/> and names its source.
/// </summary>
public sealed record ActualDate
{
    public ActualDate(string kind, int cycle, DateInterval dates, Basis basis = Basis.Actual, string? source = null)
    {
        Kind = kind;
        Cycle = cycle;
        Dates = dates;
        Basis = basis;
        Source = source;
    }

    public string Kind { get; }

    /// <summary>The election year (or calendar year for yearly moments) the date belongs to.</summary>
    public int Cycle { get; }

    /// <summary>The date (a one-day interval) or the dates of a window.</summary>
    public DateInterval Dates { get; }

    /// <summary>How the date is known: <see cref="Basis.Actual"/> (entered) or <see cref="Basis.Local"/> (a public fact).</summary>
    public Basis Basis { get; }

    /// <summary>Where the date comes from (a meeting, a URL), shown with the moment; null for an organisation's own entry.</summary>
    public string? Source { get; }
}
