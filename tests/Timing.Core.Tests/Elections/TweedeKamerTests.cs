using Timing.Core.Elections;

namespace Timing.Core.Tests.Elections;

public class TweedeKamerTests
{
    [Fact]
    public void TermEndAfterDissolution_2025_MovesToMay2030_BecauseOfTheCouncilElection()
    {
        // Result declared Friday 7 November 2025 (Kiesraad). Four years on is November 2029, so the first Wednesday in
        // 29 March – 4 April after it is in 2030; 2030 is a council-election year, so art. C 3 moves it to 25–31 May.
        var (day, rule) = TweedeKamer.TermEndAfterDissolution(new LocalDate(2025, 11, 7));
        Assert.Equal((new LocalDate(2030, 5, 29), TweedeKamer.CollisionRule), (day, rule));
    }

    [Fact]
    public void TermEndAfterDissolution_2021_StaysInSpring_WhenNoOtherElectionThatYear()
    {
        // The 2021 result was declared on 29 March 2021; four years on, 2025 has no council or provincial election.
        var (day, rule) = TweedeKamer.TermEndAfterDissolution(new LocalDate(2021, 3, 29));
        Assert.Equal((new LocalDate(2025, 4, 2), TweedeKamer.TermRule), (day, rule));
    }

    [Fact]
    public void RegularElections_From2025_AreMay2030AndMay2034()
    {
        // Election day is fourteen days before the new Kamer meets: Wednesday 15 May 2030. 2034 is again a council year.
        var elections = TweedeKamer.RegularElections(new LocalDate(2025, 11, 7), 2034);
        Assert.Equal([new LocalDate(2030, 5, 15), new LocalDate(2034, 5, 17)], elections.Select(e => e.ElectionDay).ToArray());
        Assert.All(elections, e => Assert.Equal(IsoDayOfWeek.Wednesday, e.ElectionDay.DayOfWeek));
    }
}
