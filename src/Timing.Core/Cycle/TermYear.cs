namespace Timing.Core.Cycle;

/// <summary>
/// Where a calendar year lies in the council's term, so that the same yearly moment can carry advice that
/// fits the year: a kadernota in the election year is policy-poor, in the first year it funds the new coalition.
/// </summary>
public enum TermYear
{
    /// <summary>The year of the council election.</summary>
    Election,

    /// <summary>The first full year of the new college.</summary>
    First,

    /// <summary>Any year between the first and the last: the middle of the term.</summary>
    Midterm,

    /// <summary>The year before the next council election.</summary>
    BeforeElection,
}
