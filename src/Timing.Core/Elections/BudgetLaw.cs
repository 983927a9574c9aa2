namespace Timing.Core.Elections;

/// <summary>Statutory dates of the yearly planning and control cycle.</summary>
public static class BudgetLaw
{
    public static readonly Statute PrinsjesdagRule = new("Grondwet art. 65");
    public static readonly Statute AnnualAccountsRule = new("Gemeentewet art. 200");
    public static readonly Statute BudgetRule = new("Gemeentewet art. 191");

    /// <summary>Budget Day (Prinsjesdag): the third Tuesday of September.</summary>
    public static LocalDate Prinsjesdag(int year) =>
        new LocalDate(year, 9, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday)).PlusWeeks(2);

    /// <summary>The annual accounts must reach the province before 15 July.</summary>
    public static LocalDate AnnualAccountsDeadline(int year) => new(year, 7, 15);

    /// <summary>The adopted budget must reach the province before 15 November.</summary>
    public static LocalDate BudgetDeadline(int year) => new(year, 11, 15);
}
