namespace Timing.Core.Elections;

/// <summary>
/// The regular Tweede Kamer election, derived from the Kieswet rather than entered by hand: after a
/// dissolution election the term ends in the spring four years after the result was declared (art. C 2),
/// and moves to late May when that spring already has council or provincial elections (art. C 3).
/// A dissolution can always bring the election forward; the calendar then lists the new election.
/// </summary>
public static class TweedeKamer
{
    /// <summary>The id of the Tweede Kamer in config/elections.json.</summary>
    public const string Body = "tweede-kamer";

    public static readonly Statute TermRule = new("Kieswet art. C 1 en C 2");
    public static readonly Statute CollisionRule = new("Kieswet art. C 3");

    /// <summary>
    /// Days between election day and the day the sitting members leave and the new ones take office;
    /// the same fourteen days as a council election since 2023 (2021: vote 17 March, new Kamer 31 March).
    /// </summary>
    public const int DaysFromElectionToNewTerm = 14;

    /// <summary>
    /// The day the members elected in a dissolution election leave (art. C 2): the first Wednesday in
    /// 29 March – 4 April that falls four years after <paramref name="resultDeclared"/>, moved to the
    /// Wednesday in 25–31 May when that year has council or provincial elections (art. C 3).
    /// </summary>
    public static (LocalDate Day, Statute Rule) TermEndAfterDissolution(LocalDate resultDeclared)
    {
        var fourYears = resultDeclared.PlusYears(4);
        var year = fourYears.Year;
        while (SpringWednesday(year) < fourYears)
        {
            year++;
        }
        return TermEnd(year);
    }

    /// <summary>The day members leave in <paramref name="year"/> under art. C 1, or under art. C 3 in a year with other elections.</summary>
    public static (LocalDate Day, Statute Rule) TermEnd(int year) =>
        Kieswet.IsRegularYear(ElectionBody.MunicipalCouncil, year) || Kieswet.IsRegularYear(ElectionBody.ProvincialAndWaterBoards, year)
            ? (MayWednesday(year), CollisionRule)
            : (SpringWednesday(year), TermRule);

    /// <summary>
    /// The regular elections from the one that ends the term begun by a dissolution election whose result was
    /// declared on <paramref name="resultDeclared"/>, up to <paramref name="lastYear"/>: each later term is four years (art. C 1).
    /// </summary>
    public static IReadOnlyList<(LocalDate ElectionDay, Statute Rule)> RegularElections(LocalDate resultDeclared, int lastYear)
    {
        var elections = new List<(LocalDate, Statute)>();
        var (end, rule) = TermEndAfterDissolution(resultDeclared);
        while (end.Year <= lastYear + 1)
        {
            elections.Add((end.PlusDays(-DaysFromElectionToNewTerm), rule));
            (end, rule) = TermEnd(end.Year + 4);
        }
        return elections;
    }

    private static LocalDate SpringWednesday(int year) =>
        new LocalDate(year, 3, 29).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Wednesday));

    private static LocalDate MayWednesday(int year) =>
        new LocalDate(year, 5, 25).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Wednesday));
}
