using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>
/// One election of a municipality's council and the statutory anchors that follow from it.
/// <see cref="Year"/> is the election year, which is also the cycle number in moment keys.
/// </summary>
public sealed record ElectionCycle(int Year, LocalDate NominationDay, LocalDate ElectionDay, LocalDate? MergerDate)
{
    /// <summary>Whether this election chooses the council of a merged municipality (in November, or on the regular day for a spring merger).</summary>
    public bool IsMerger => MergerDate is not null;

    /// <summary>Whether this is a November merger election for a 1 January merger, with its own formation timetable.</summary>
    public bool IsNovemberMerger => MergerDate is { } date && MergerElections.HoldsMergerElection(date);

    /// <summary>The regular municipal election of <paramref name="year"/>.</summary>
    public static ElectionCycle Regular(int year)
    {
        if (!Kieswet.IsRegularYear(ElectionBody.MunicipalCouncil, year))
        {
            throw new ArgumentException($"{year} is not a regular municipal election year (those are 2022, 2026, 2030…).", nameof(year));
        }
        var k = Kieswet.NominationDay(year);
        return new ElectionCycle(year, k, Kieswet.ElectionDay(k), null);
    }

    /// <summary>
    /// The regular election of Provinciale Staten and the waterschappen in <paramref name="year"/>: the same
    /// nomination and election days as a council election (Kieswet art. F 1, J 1), in years ≡ 3 (mod 4).
    /// </summary>
    public static ElectionCycle Provincial(int year)
    {
        if (!Kieswet.IsRegularYear(ElectionBody.ProvincialAndWaterBoards, year))
        {
            throw new ArgumentException($"{year} is not a regular provincial election year (those are 2023, 2027, 2031…).", nameof(year));
        }
        var k = Kieswet.NominationDay(year);
        return new ElectionCycle(year, k, Kieswet.ElectionDay(k), null);
    }

    /// <summary>
    /// The merger election for <paramref name="mergerDate"/>: in the November before a 1 January merger, or the
    /// regular March election of the year for a spring merger that coincides with it.
    /// </summary>
    public static ElectionCycle Merger(LocalDate mergerDate)
    {
        if (MergerElections.HoldsMergerElection(mergerDate))
        {
            var k = MergerElections.NominationDay(mergerDate);
            return new ElectionCycle(k.Year, k, Kieswet.ElectionDay(k), mergerDate);
        }
        return Regular(mergerDate.Year) with { MergerDate = mergerDate };
    }
}
