using Timing.Core.Cycle;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Cycle;

public class MomentKeyTests
{
    [Theory]
    [InlineData("GM0344/nomination/2026")]
    [InlineData("GM0344/local-event/2026/open-dag")]
    public void TryParse_ReadsWhatToStringWrote(string text)
    {
        Assert.True(MomentKey.TryParse(text, out var key));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GM0344/nomination")]
    [InlineData("XX0344/nomination/2026")]
    [InlineData("GM0344//2026")]
    [InlineData("GM0344/nomination/twenty")]
    [InlineData("GM0344/nomination/-2026")]
    [InlineData("GM0344/local-event/2026/a/b")]
    public void TryParse_RefusesAnythingElse(string? text) => Assert.False(MomentKey.TryParse(text, out _));

    [Fact]
    public void Find_GivesTheMomentTheKeyNames_OrNothing()
    {
        var nomination = Planner.Find(Utrecht, new MomentKey(MunicipalityCode.Parse("GM0344"), "nomination", 2026));
        Assert.Equal(Date("2026-02-02"), nomination?.Start);
        // The mid-term moments of a cycle lie years after its election year.
        Assert.Equal(2026, Planner.Find(Utrecht, new MomentKey(MunicipalityCode.Parse("GM0344"), "installation", 2026))?.Cycle);
        Assert.Null(Planner.Find(Utrecht, new MomentKey(MunicipalityCode.Parse("GM0344"), "nomination", 2027)));
        Assert.Null(Planner.Find(Utrecht, new MomentKey(MunicipalityCode.Parse("GM0344"), "no-such-kind", 2026)));
    }
}
