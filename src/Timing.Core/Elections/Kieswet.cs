namespace Timing.Core.Elections;

/// <summary>
/// The calendar of a regular election under the Kieswet: nomination day K, election day E and
/// the statutory steps that hang off K. Each member cites its article.
/// </summary>
public static class Kieswet
{
    public static readonly Statute NominationRule = new("Kieswet art. F 1");
    public static readonly Statute ElectionDayRule = new("Kieswet art. J 1");
    public static readonly Statute RegistrationRule = new("Kieswet art. G 3");
    public static readonly Statute SupportDeclarationRule = new("Kieswet art. H 4");
    public static readonly Statute ListValidationRule = new("Kieswet art. I 4 en I 14");

    /// <summary>Since 2023 the central polling committee fixes the result in a public session about eight days after election day.</summary>
    public static readonly Statute ResultRule = new("Kieswet hoofdstuk P (zitting centraal stembureau)", ValidFrom: new LocalDate(2023, 1, 1));

    /// <summary>Before 2023 the result was usually fixed two days after election day.</summary>
    public static readonly Statute EarlierResultRule = new("Kieswet hoofdstuk P (zitting centraal stembureau, tot 2023)", ValidUntil: new LocalDate(2022, 12, 31));

    /// <summary>Days between nomination day and election day (art. J 1).</summary>
    public const int DaysFromNominationToElection = 44;

    /// <summary>Whether <paramref name="year"/> is a regular election year for <paramref name="body"/>.</summary>
    public static bool IsRegularYear(ElectionBody body, int year) => body switch
    {
        ElectionBody.MunicipalCouncil => Mod(year, 4) == 2,
        ElectionBody.ProvincialAndWaterBoards => Mod(year, 4) == 3,
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "Unknown election body."),
    };

    /// <summary>The first regular election year of <paramref name="body"/> on or after <paramref name="year"/>.</summary>
    public static int NextRegularYear(ElectionBody body, int year)
    {
        while (!IsRegularYear(body, year))
        {
            year++;
        }
        return year;
    }

    /// <summary>
    /// Nomination day K of a regular election (art. F 1): the Monday in 30 January – 5 February,
    /// or in 31 January – 6 February in a leap year, so that E = K + 44 is a Wednesday in 15–21 March.
    /// </summary>
    public static LocalDate NominationDay(int year)
    {
        var first = new LocalDate(year, 1, CalendarSystem.Iso.IsLeapYear(year) ? 31 : 30);
        return first.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
    }

    /// <summary>Election day E (art. J 1): the 44th day after nomination day.</summary>
    public static LocalDate ElectionDay(LocalDate nominationDay) => nominationDay.PlusDays(DaysFromNominationToElection);

    /// <summary>Election day of a regular election in <paramref name="year"/>.</summary>
    public static LocalDate ElectionDay(int year) => ElectionDay(NominationDay(year));

    /// <summary>
    /// Last day to register a party name (art. G 3): a request must be in on the 42nd day before
    /// nomination day to count for this election.
    /// </summary>
    public static LocalDate RegistrationDeadline(LocalDate nominationDay) => nominationDay.PlusDays(-42);

    /// <summary>
    /// The period in which voters sign support declarations at the town hall (art. H 4): from the
    /// 14th day before nomination day up to and including nomination day.
    /// </summary>
    public static DateInterval SupportDeclarations(LocalDate nominationDay) =>
        new(nominationDay.PlusDays(-14), nominationDay);

    /// <summary>
    /// The public session of the central polling committee that rules on the lists' validity (art. I 4)
    /// and numbers them (art. I 14): in practice the fourth day after nomination day, a Friday.
    /// </summary>
    public static LocalDate ListsFinal(LocalDate nominationDay) => nominationDay.PlusDays(4);

    /// <summary>
    /// The day the central polling committee usually fixes the official result: E + 8 since the counting
    /// changes of 2023 (2026: Thursday 26 March), about E + 2 before. The exact day is per election
    /// calendar, so a known day from config/elections.json wins (2022: Monday 21 March).
    /// </summary>
    public static LocalDate OfficialResult(LocalDate electionDay) =>
        electionDay.PlusDays(ResultRule.AppliesOn(electionDay) ? 8 : 2);

    /// <summary>The statute behind <see cref="OfficialResult"/> for an election on <paramref name="electionDay"/>.</summary>
    public static Statute ResultRuleFor(LocalDate electionDay) =>
        ResultRule.AppliesOn(electionDay) ? ResultRule : EarlierResultRule;

    private static int Mod(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
