namespace Timing.Core.Elections;

/// <summary>
/// When a newly elected council takes office after a regular election (Kieswet art. C 4).
/// The rule changed on 1 January 2023; one-off exceptions (2022) are data, not code.
/// </summary>
public static class CouncilInstallation
{
    /// <summary>Before 2023: the Thursday in 23–29 March, eight days after election day.</summary>
    public static readonly Statute ThursdayRule = new("Kieswet art. C 4 (tot 2023)", ValidUntil: new LocalDate(2022, 12, 31));

    /// <summary>From 2023: the Wednesday in 29 March – 4 April, fourteen days after election day.</summary>
    public static readonly Statute WednesdayRule = new("Kieswet art. C 4", ValidFrom: new LocalDate(2023, 1, 1));

    /// <summary>The statute that governs the installation after an election held on <paramref name="electionDay"/>.</summary>
    public static Statute RuleFor(LocalDate electionDay) =>
        WednesdayRule.AppliesOn(electionDay) ? WednesdayRule : ThursdayRule;

    /// <summary>Installation day after a regular election held on <paramref name="electionDay"/>.</summary>
    public static LocalDate After(LocalDate electionDay) =>
        electionDay.PlusDays(RuleFor(electionDay) == WednesdayRule ? 14 : 8);
}
