using Timing.Core.Cycle;

namespace Timing.Core.Tests.Cycle;

public class DateTextTests
{
    [Fact]
    public void Short_WritesDutchAndEnglish()
    {
        var election = new LocalDate(2026, 3, 18);
        Assert.Equal("wo 18 mrt 2026", DateText.Short(election, Language.Nl));
        Assert.Equal("Wed 18 Mar 2026", DateText.Short(election, Language.En));
    }

    [Fact]
    public void Range_UsesTotEnMetForWindows()
    {
        Assert.Equal("19 januari 2026 t/m 2 februari 2026", DateText.Range(new LocalDate(2026, 1, 19), new LocalDate(2026, 2, 2), Language.Nl));
        Assert.Equal("18 March 2026", DateText.Range(new LocalDate(2026, 3, 18), new LocalDate(2026, 3, 18), Language.En));
    }
}
