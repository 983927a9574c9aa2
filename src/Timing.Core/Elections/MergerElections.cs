namespace Timing.Core.Elections;

/// <summary>
/// Elections for municipalities that merge (herindelingsverkiezingen, Wet arhi art. 52–56c).
/// A merger takes effect on 1 January of year H; the new council is elected in the November before.
/// </summary>
public static class MergerElections
{
    public static readonly Statute ElectionRule = new("Wet arhi art. 55");
    public static readonly Statute InstallationRule = new("Wet arhi art. 56");
    public static readonly Statute TermRule = new("Wet arhi art. 56a–56c", ValidFrom: new LocalDate(2014, 8, 16));

    /// <summary>
    /// A merger on another day than 1 January is timed by its act so that the merger election coincides with the
    /// regular council election just before it, and the new council is installed on the merger date (Weesp into
    /// Amsterdam: vote 16 March 2022, merger and installation Thursday 24 March 2022, Kamerstukken 35623 nr. 3).
    /// </summary>
    public static readonly Statute SpringMergerRule = new("Wet arhi art. 55 (herindeling op de dag van installatie)");

    /// <summary>Whether a merger on <paramref name="mergerDate"/> has a November merger election of its own: mergers on 1 January do.</summary>
    public static bool HoldsMergerElection(LocalDate mergerDate) => mergerDate.Month == 1 && mergerDate.Day == 1;

    /// <summary>
    /// Whether a merger on <paramref name="mergerDate"/> (not a 1 January) coincides with the regular council
    /// election of its year: the merger falls after that election day, before the regular installation would.
    /// </summary>
    public static bool CoincidesWithRegularElection(LocalDate mergerDate) =>
        !HoldsMergerElection(mergerDate)
        && Kieswet.IsRegularYear(ElectionBody.MunicipalCouncil, mergerDate.Year)
        && mergerDate > Kieswet.ElectionDay(mergerDate.Year)
        && mergerDate <= CouncilInstallation.After(Kieswet.ElectionDay(mergerDate.Year));

    /// <summary>Throws unless <paramref name="mergerDate"/> is a 1 January, the only day a November merger election leads to.</summary>
    public static void EnsureValidMergerDate(LocalDate mergerDate)
    {
        if (!HoldsMergerElection(mergerDate))
        {
            throw new ArgumentException(
                $"A November merger election leads to a merger on 1 January; {mergerDate:yyyy-MM-dd} is not a 1 January.", nameof(mergerDate));
        }
    }

    /// <summary>Nomination day: the Monday in 5–11 October of the year before the merger.</summary>
    public static LocalDate NominationDay(LocalDate mergerDate)
    {
        EnsureValidMergerDate(mergerDate);
        return new LocalDate(mergerDate.Year - 1, 10, 5).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
    }

    /// <summary>Election day: 44 days after nomination day, a Wednesday in 18–24 November.</summary>
    public static LocalDate ElectionDay(LocalDate mergerDate) => Kieswet.ElectionDay(NominationDay(mergerDate));

    /// <summary>
    /// The merged council first meets, and appoints its wethouders, on the first working day of the
    /// merger year (1 January is a public holiday; a weekend moves it to Monday); after a spring merger, on the merger date.
    /// </summary>
    public static LocalDate Installation(LocalDate mergerDate)
    {
        if (!HoldsMergerElection(mergerDate))
        {
            // A spring merger: the council elected in March is installed on the merger date itself.
            return mergerDate;
        }
        var day = mergerDate.PlusDays(1);
        while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            day = day.PlusDays(1);
        }
        return day;
    }

    /// <summary>
    /// The regular municipal election that the merging municipalities skip. Since the Wet arhi
    /// amendment of 2014 exactly one regular election in the years H−1 … H+2 falls away: a merger
    /// on 1 January of the year after a regular election skips the March election before it (the old
    /// councils sit until the merger) and joins the next regular one (a first term of 3 years 3
    /// months); a merger in any of the three later years skips the next regular election, so the
    /// first term runs 4, 5 or 6 years and 3 months and no council faces three elections in four years.
    /// </summary>
    public static int SkippedRegularYear(LocalDate mergerDate)
    {
        EnsureValidMergerDate(mergerDate);
        return Kieswet.NextRegularYear(ElectionBody.MunicipalCouncil, mergerDate.Year - 1);
    }
}
