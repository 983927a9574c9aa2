namespace Timing.Core.Cycle;

/// <summary>
/// Checks that entered dates respect the order of the cycle: an agreement cannot precede its election,
/// a college cannot precede its agreement. Each rule compares two moments of the same cycle.
/// </summary>
public static class ActualDateRules
{
    private static readonly (string Later, string Earlier)[] Order =
    [
        (MomentKinds.Result, MomentKinds.Election),
        (MomentKinds.Installation, MomentKinds.Election),
        (MomentKinds.CoalitionAgreement, MomentKinds.Election),
        (MomentKinds.CollegeAppointed, MomentKinds.CoalitionAgreement),
        (MomentKinds.CollegeProgramme, MomentKinds.CollegeAppointed),
        (MomentKinds.Election, MomentKinds.Nomination),
    ];

    /// <summary>The first broken rule in <paramref name="timeline"/> for cycle <paramref name="cycle"/>, or null.</summary>
    public static LocalizedText? Check(Timeline timeline, int cycle)
    {
        foreach (var (later, earlier) in Order)
        {
            var a = timeline.Find(later, cycle);
            var b = timeline.Find(earlier, cycle);
            if (a is not null && b is not null && a.Start < b.Start && (a.Basis == Basis.Actual || b.Basis == Basis.Actual))
            {
                return new LocalizedText(
                    $"{a.Title(Language.Nl)} ({DateText.Long(a.Start, Language.Nl)}) kan niet vóór {b.Title(Language.Nl)} ({DateText.Long(b.Start, Language.Nl)}) liggen.",
                    $"{a.Title(Language.En)} ({DateText.Long(a.Start, Language.En)}) cannot precede {b.Title(Language.En)} ({DateText.Long(b.Start, Language.En)}).");
            }
        }
        return null;
    }
}
