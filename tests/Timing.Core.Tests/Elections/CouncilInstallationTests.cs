using Timing.Core.Elections;

namespace Timing.Core.Tests.Elections;

public class CouncilInstallationTests
{
    [Theory]
    [MemberData(nameof(KieswetTests.Years1990To2100), MemberType = typeof(KieswetTests))]
    public void After_FollowsTheRuleInForceOnElectionDay(int year)
    {
        var e = Kieswet.ElectionDay(year);
        var installation = CouncilInstallation.After(e);
        if (year < 2023)
        {
            // Before 2023: the Thursday in 23–29 March, eight days after election day.
            Assert.Equal(IsoDayOfWeek.Thursday, installation.DayOfWeek);
            Assert.Equal(e.PlusDays(8), installation);
            Assert.InRange(installation, new LocalDate(year, 3, 23), new LocalDate(year, 3, 29));
            Assert.Equal(CouncilInstallation.ThursdayRule, CouncilInstallation.RuleFor(e));
        }
        else
        {
            // From 2023: the Wednesday in 29 March – 4 April, fourteen days after election day.
            Assert.Equal(IsoDayOfWeek.Wednesday, installation.DayOfWeek);
            Assert.Equal(e.PlusDays(14), installation);
            Assert.InRange(installation, new LocalDate(year, 3, 29), new LocalDate(year, 4, 4));
            Assert.Equal(CouncilInstallation.WednesdayRule, CouncilInstallation.RuleFor(e));
        }
    }

    [Fact]
    public void After_2026_IsFirstOfApril()
    {
        // cycle.md §2: election 18 March 2026, installation 1 April 2026.
        Assert.Equal(new LocalDate(2026, 4, 1), CouncilInstallation.After(new LocalDate(2026, 3, 18)));
    }

    [Fact]
    public void After_2022_WithoutTheException_WouldBeThursday24March()
    {
        // The 2022 installation on 30 March was a one-off by temporary act; it lives in config/elections.json.
        // The rule alone gives the Thursday eight days after 16 March.
        Assert.Equal(new LocalDate(2022, 3, 24), CouncilInstallation.After(new LocalDate(2022, 3, 16)));
    }

    [Fact]
    public void Rules_CarryArticleAndAdjoiningValidityPeriods()
    {
        Assert.Contains("C 4", CouncilInstallation.WednesdayRule.Article, StringComparison.Ordinal);
        Assert.Equal(CouncilInstallation.ThursdayRule.ValidUntil!.Value.PlusDays(1), CouncilInstallation.WednesdayRule.ValidFrom);
    }
}
