namespace Timing.Core.Elections;

/// <summary>Statutory dates of the yearly planning and control cycle.</summary>
public static class BudgetLaw
{
    public static readonly Statute PrinsjesdagRule = new("Grondwet art. 65");
    public static readonly Statute AnnualAccountsRule = new("Gemeentewet art. 200");
    public static readonly Statute BudgetRule = new("Gemeentewet art. 191 lid 2");

    /// <summary>Budget Day (Prinsjesdag): the third Tuesday of September.</summary>
    public static LocalDate Prinsjesdag(int year) =>
        new LocalDate(year, 9, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday)).PlusWeeks(2);

    /// <summary>
    /// The last day to send the annual accounts to gedeputeerde staten: the law says "vóór 15 juli",
    /// so the last allowed day is 14 July (also when it is a weekend day: the statute names no shift).
    /// </summary>
    public static LocalDate AnnualAccountsDeadline(int year) => new(year, 7, 14);

    /// <summary>The last day to send the adopted budget: "vóór 15 november", so 14 November.</summary>
    public static LocalDate BudgetDeadline(int year) => new(year, 11, 14);
}
