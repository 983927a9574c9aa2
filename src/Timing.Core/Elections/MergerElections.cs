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
    /// A merger on another day than 1 January is rare and possible only without a merger election: the
    /// absorbing council simply continues (Weesp joined Amsterdam on 24 March 2022, right after the regular
    /// election of 16 March in which Weesp's voters already voted for the Amsterdam council).
    /// </summary>
    public static readonly Statute WithoutElectionRule = new("Wet arhi (samenvoeging zonder herindelingsverkiezing)");

    /// <summary>Whether a merger on <paramref name="mergerDate"/> has its own merger election: only mergers on 1 January do.</summary>
    public static bool HoldsMergerElection(LocalDate mergerDate) => mergerDate.Month == 1 && mergerDate.Day == 1;

    /// <summary>Throws unless <paramref name="mergerDate"/> is a 1 January, the only day a merger election leads to.</summary>
    public static void EnsureValidMergerDate(LocalDate mergerDate)
    {
        if (!HoldsMergerElection(mergerDate))
        {
            throw new ArgumentException(
                $"A merger election leads to a merger on 1 January; {mergerDate:yyyy-MM-dd} is not a 1 January.", nameof(mergerDate));
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
    /// merger year (1 January is a public holiday; a weekend moves it to Monday).
    /// </summary>
    public static LocalDate Installation(LocalDate mergerDate)
    {
        EnsureValidMergerDate(mergerDate);
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
