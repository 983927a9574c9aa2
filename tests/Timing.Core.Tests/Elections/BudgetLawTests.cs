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

    [Theory]
    // Gemeentewet art. 200 and 191 lid 2 say "vóór 15 juli" / "vóór 15 november": the 14th is the last day.
    // 2026: the budget is due by Saturday 14 November 2026, the accounts by Tuesday 14 July 2026.
    [InlineData(2026, "2026-07-14", "2026-11-14")]
    [InlineData(2027, "2027-07-14", "2027-11-14")]
    public void Deadlines_AreTheLastDayBefore15JulyAnd15November(int year, string accounts, string budget)
    {
        Assert.Equal(LocalDatePattern.Iso.Parse(accounts).Value, BudgetLaw.AnnualAccountsDeadline(year));
        Assert.Equal(LocalDatePattern.Iso.Parse(budget).Value, BudgetLaw.BudgetDeadline(year));
    }
}
