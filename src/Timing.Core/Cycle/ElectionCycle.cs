using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>
/// One election of a municipality's council and the statutory anchors that follow from it.
/// <see cref="Year"/> is the election year, which is also the cycle number in moment keys.
/// </summary>
public sealed record ElectionCycle(int Year, LocalDate NominationDay, LocalDate ElectionDay, LocalDate? MergerDate)
{
    public bool IsMerger => MergerDate is not null;

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

    /// <summary>The merger election in the November before <paramref name="mergerDate"/>.</summary>
    public static ElectionCycle Merger(LocalDate mergerDate)
    {
        var k = MergerElections.NominationDay(mergerDate);
        return new ElectionCycle(k.Year, k, Kieswet.ElectionDay(k), mergerDate);
    }
}
