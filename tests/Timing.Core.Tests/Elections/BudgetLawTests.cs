using Timing.Core.Elections;

namespace Timing.Core.Tests.Elections;

public class BudgetLawTests
{
    [Theory]
    [MemberData(nameof(KieswetTests.Years1990To2100), MemberType = typeof(KieswetTests))]
    public void Prinsjesdag_IsThirdTuesdayOfSeptember(int year)
    {
        var day = BudgetLaw.Prinsjesdag(year);
        Assert.Equal(IsoDayOfWeek.Tuesday, day.DayOfWeek);
        Assert.Equal(9, day.Month);
        Assert.InRange(day.Day, 15, 21);
    }

    [Theory]
    [InlineData(2025, "2025-09-16")]
    [InlineData(2026, "2026-09-15")]
    [InlineData(2024, "2024-09-17")]
    public void Prinsjesdag_MatchesKnownDates(int year, string expected) =>
        Assert.Equal(LocalDatePattern.Iso.Parse(expected).Value, BudgetLaw.Prinsjesdag(year));

    [Fact]
    public void Deadlines_Are15Julyand15November()
    {
        Assert.Equal(new LocalDate(2026, 7, 15), BudgetLaw.AnnualAccountsDeadline(2026));
        Assert.Equal(new LocalDate(2026, 11, 15), BudgetLaw.BudgetDeadline(2026));
    }
}
