namespace Timing.Core.Cycle;

/// <summary>How a moment's dates follow from the rules. Exactly one form per moment in config/cycle.json.</summary>
public abstract record Derivation;

/// <summary>The dates are statutory and computed in code by the named law rule (see <see cref="LawRules"/>).</summary>
public sealed record LawDerivation(string Rule) : Derivation;

/// <summary>
/// A date relative to another moment of the same cycle: its start or end plus an offset. <see cref="TermMiddle"/>
/// names the middle of the council's actual term (installation to the next installation) instead of a moment.
/// </summary>
public sealed record DateReference(string From, MomentEdge Edge, Period Offset)
{
    /// <summary>The middle of the term: a merger can make a term anything from under two to over six years.</summary>
    public const string TermMiddle = "term-middle";
}

/// <summary>Start (and for windows, end) as offsets from other moments of the same cycle.</summary>
public sealed record OffsetDerivation(DateReference Start, DateReference? End) : Derivation;

/// <summary>
/// A date that is not known in advance: a median with a p10–p90 range, as offsets from another moment.
/// An actual date, once entered, replaces it.
/// </summary>
public sealed record EstimateDerivation(string From, Period P10, Period Median, Period P90) : Derivation;

/// <summary>
/// A window (or point) on the same days every calendar year. With <paramref name="FollowSchoolHolidays"/>
/// the window is replaced by the school summer holiday of the municipality's region when it is known.
/// With <paramref name="Follows"/> it is a step towards another yearly moment (the kadernota's publication before the
/// council's vote): when that moment has a real date, the step keeps its distance to that moment's end and moves with it.
/// </summary>
public sealed record YearlyDerivation(AnnualDate Start, AnnualDate End, bool FollowSchoolHolidays = false, string? Follows = null) : Derivation;

/// <summary>
/// The date of another arena's election as listed in config/elections.json (<c>otherElections</c>) for
/// <paramref name="Body"/>, e.g. "tweede-kamer": dissolutions make these dates data, not rules.
/// </summary>
public sealed record CalendarDerivation(string Body) : Derivation;

/// <summary>No default date: the moment appears only where a director entered a dated event of its kind.</summary>
public sealed record EnteredDerivation : Derivation;
